package cn.linli.organisation.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import cn.linli.organisation.HandlingUnit;
import cn.linli.organisation.UnitKind;
import cn.linli.territory.TerritoryChanged;
import cn.linli.territory.TerritoryQueries;

/**
 * Keeps the derived offices and district governments in step with the territory in force: creates the offices of
 * new units, renames and re-attaches those whose unit changed, deactivates those whose unit was abolished, and keeps
 * the id of every office whose unit continues (casework refers to offices by id). Runs at start-up and after each
 * committed territory change. It always compares the whole territory, so a missed event or a change made while the
 * application was down is caught up the next time, and running it twice changes nothing.
 */
@Component
public class OfficeSync {

    /** Ordered before the demo organisation, which needs the offices (see {@code DemoOrganisation}). */
    public static final int STARTUP_ORDER = 0;
    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Logger LOG = LoggerFactory.getLogger(OfficeSync.class);

    private final TerritoryQueries territory;
    private final HandlingUnitStore store;
    private final OrganisationState state;
    private final TransactionTemplate transactions;

    OfficeSync(TerritoryQueries territory, HandlingUnitStore store, OrganisationState state, PlatformTransactionManager manager) {
        this.territory = territory;
        this.store = store;
        this.state = state;
        // A new transaction: after a territory commit, the committed transaction's resources are still bound.
        this.transactions = new TransactionTemplate(manager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(STARTUP_ORDER)
    void atStart() {
        reconcile();
    }

    /** After commit, so the territory in memory is already the new one; a failure here must not undo the territory's. */
    @TransactionalEventListener
    void on(TerritoryChanged changed) {
        try {
            reconcile();
        } catch (RuntimeException e) {
            LOG.error("offices not brought in step with territory operation {}; the next change or restart retries", changed.operationId(), e);
        }
    }

    /** @return how many offices were created, changed or deactivated */
    public synchronized int reconcile() {
        List<WantedOffice> wanted = OfficeDerivation.of(territory.tree(null));
        try {
            return transactions.execute(status -> apply(wanted));
        } catch (DuplicateKeyException anotherInstanceWasFaster) {
            return transactions.execute(status -> apply(wanted));
        }
    }

    private int apply(List<WantedOffice> wanted) {
        Directory current = store.load();
        Map<String, Long> ids = new HashMap<>();
        Set<Long> kept = new HashSet<>();
        int changes = 0;
        for (WantedOffice office : wanted) {
            Long supervisor = office.supervisorKind() == null ? null : ids.get(key(office.supervisorKind(), office.supervisorTerritoryUnitId()));
            Optional<HandlingUnit> existing = current.derived(office.kind(), office.territoryUnitId());
            long id;
            if (existing.isEmpty()) {
                id = store.insert(fresh(office, supervisor));
                changes++;
            } else {
                id = existing.get().id();
                HandlingUnit adjusted = adjusted(existing.get(), office, supervisor);
                if (!adjusted.equals(existing.get())) {
                    store.update(adjusted);
                    changes++;
                }
            }
            ids.put(key(office.kind(), office.territoryUnitId()), id);
            kept.add(id);
        }
        LocalDate today = LocalDate.now(CITY_ZONE);
        for (HandlingUnit unit : current.all()) {
            if (unit.derivedFrom() != null && unit.active() && !kept.contains(unit.id())) {
                store.update(ended(unit, today));
                changes++;
            }
        }
        if (changes > 0) {
            state.changed();
            LOG.info("{} offices created, changed or deactivated to match the territory", changes);
        }
        return changes;
    }

    private static HandlingUnit fresh(WantedOffice office, Long supervisor) {
        return new HandlingUnit(0, office.kind(), office.name(), null, office.territoryUnitId(), office.territoryUnitId(),
                Set.of(office.territoryUnitId()), Set.of(), supervisor, null, true, office.validFrom(), null);
    }

    /** Name and supervisor follow the territory; phone and categories entered by staff are kept. */
    private static HandlingUnit adjusted(HandlingUnit unit, WantedOffice office, Long supervisor) {
        return new HandlingUnit(unit.id(), unit.kind(), office.name(), unit.departmentKey(), office.territoryUnitId(),
                unit.derivedFrom(), Set.of(office.territoryUnitId()), unit.categories(), supervisor, unit.phone(), true,
                unit.validFrom(), null);
    }

    private static HandlingUnit ended(HandlingUnit unit, LocalDate today) {
        return new HandlingUnit(unit.id(), unit.kind(), unit.name(), unit.departmentKey(), unit.homeUnitId(), unit.derivedFrom(),
                unit.coverage(), unit.categories(), unit.supervisorId(), unit.phone(), false, unit.validFrom(),
                today.isAfter(unit.validFrom()) ? today : null);
    }

    private static String key(UnitKind kind, long territoryUnitId) {
        return kind.name() + ":" + territoryUnitId;
    }
}
