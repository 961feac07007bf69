package cn.linli.casework;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.linli.access.Actor;
import cn.linli.access.CurrentActor;
import cn.linli.access.Role;
import cn.linli.access.UserDirectory;
import cn.linli.access.UserSummary;
import cn.linli.casework.indicators.IndicatorReading;
import cn.linli.casework.indicators.IndicatorReading.Subject;
import cn.linli.casework.indicators.IndicatorRollup;
import cn.linli.casework.indicators.IndicatorWeights;
import cn.linli.organisation.HandlingUnit;
import cn.linli.organisation.Organisation;
import cn.linli.territory.TerritoryQueries;

/**
 * The indicators of casework per handling unit, territory area and grid worker over a period, read only from the
 * daily rollup (fast with millions of cases). Open to city administrators and district and street staff, each within
 * their jurisdiction: a unit, area or worker they may not see is answered as unknown.
 * <p>
 * A community or street office, or a district government, is judged on its own handling (what was dispatched to it)
 * and on the intake of its territory (received, registered, dispatched), which its window and back office did.
 */
@Service
public class CaseIndicators {

    private static final Set<Role> VIEWERS = Set.of(Role.CITY_ADMIN, Role.DISTRICT_STAFF, Role.STREET_STAFF);

    private final IndicatorReading reading;
    private final IndicatorRollup rollup;
    private final IndicatorWeights weights;
    private final Organisation organisation;
    private final TerritoryQueries territory;
    private final UserDirectory users;
    private final CurrentActor actors;

    CaseIndicators(IndicatorReading reading, IndicatorRollup rollup, IndicatorWeights weights, Organisation organisation,
            TerritoryQueries territory, UserDirectory users, CurrentActor actors) {
        this.reading = reading;
        this.rollup = rollup;
        this.weights = weights;
        this.organisation = organisation;
        this.territory = territory;
        this.users = users;
        this.actors = actors;
    }

    /** Whether the signed-in user may see indicators at all. */
    public boolean mayView() {
        return actors.find().map(a -> a.roles().stream().anyMatch(VIEWERS::contains)).orElse(false);
    }

    @Transactional(readOnly = true)
    public IndicatorSet forUnit(long unitId, IndicatorPeriod period) {
        return set(unitCounts(unit(unitId), period));
    }

    @Transactional(readOnly = true)
    public IndicatorSet forArea(long territoryUnitId, IndicatorPeriod period) {
        return set(reading.sum(Subject.AREA, area(territoryUnitId), period.from(), period.to()));
    }

    @Transactional(readOnly = true)
    public IndicatorSet forWorker(long userId, IndicatorPeriod period) {
        return set(reading.sum(Subject.WORKER, worker(userId).id(), period.from(), period.to()));
    }

    /** The name of a unit, area or worker the user may see. */
    public String name(String subject, long id) {
        return switch (subject) {
            case "unit" -> unit(id).name();
            case "area" -> territory.division(viewer().jurisdiction(), area(id), null).map(d -> d.name()).orElseThrow();
            case "worker" -> worker(id).displayName();
            default -> throw new IndicatorException("subject", "indicators.error.subject", subject);
        };
    }

    /** The daily counts of a unit, area or worker, for a trend. */
    @Transactional(readOnly = true)
    public List<DayIndicators> daily(String subject, long id, IndicatorPeriod period) {
        return switch (subject) {
            case "unit" -> reading.daily(Subject.UNIT, unit(id).id(), period.from(), period.to());
            case "area" -> reading.daily(Subject.AREA, area(id), period.from(), period.to());
            case "worker" -> reading.daily(Subject.WORKER, worker(id).id(), period.from(), period.to());
            default -> throw new IndicatorException("subject", "indicators.error.subject", subject);
        };
    }

    /** Every unit of the level (or grid worker) the user may see, best composite score first, those without one last. */
    @Transactional(readOnly = true)
    public List<UnitIndicators> ranking(IndicatorLevel level, IndicatorPeriod period) {
        Actor actor = viewer();
        List<UnitIndicators> rows = level == IndicatorLevel.GRID_WORKERS ? workers(actor, period) : units(actor, level, period);
        return rows.stream().sorted(Comparator.comparing((UnitIndicators u) -> u.indicators().score(),
                Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(UnitIndicators::name)).toList();
    }

    /** Recomputes the rollup of the period from the history (city administrators). */
    public int rebuild(IndicatorPeriod period) {
        if (!viewer().isCityAdmin()) throw new IndicatorException("period", "indicators.error.rebuild-forbidden");
        return rollup.rebuild(period.from(), period.to());
    }

    private List<UnitIndicators> units(Actor actor, IndicatorLevel level, IndicatorPeriod period) {
        List<HandlingUnit> units = organisation.search(actor, level.unitKind(), "");
        Map<Long, IndicatorCounts> handling = reading.sums(Subject.UNIT, units.stream().map(HandlingUnit::id).toList(),
                period.from(), period.to());
        Set<Long> places = units.stream().map(HandlingUnit::derivedFrom).filter(p -> p != null).collect(Collectors.toSet());
        Map<Long, IndicatorCounts> intake = reading.sums(Subject.AREA, places, period.from(), period.to());
        return units.stream().map(u -> {
            IndicatorCounts own = handling.getOrDefault(u.id(), IndicatorCounts.NONE);
            IndicatorCounts counts = u.derivedFrom() == null ? own : own.withIntakeOf(intake.getOrDefault(u.derivedFrom(), IndicatorCounts.NONE));
            return new UnitIndicators("unit", u.id(), u.name(), set(counts));
        }).toList();
    }

    private List<UnitIndicators> workers(Actor actor, IndicatorPeriod period) {
        Map<Long, IndicatorCounts> sums = reading.sums(Subject.WORKER, null, period.from(), period.to());
        return sums.entrySet().stream().map(e -> users.find(e.getKey()).filter(u -> u.hasRole(Role.GRID_WORKER) && maySee(actor, u))
                .map(u -> new UnitIndicators("worker", u.id(), u.displayName(), set(e.getValue()))))
                .flatMap(java.util.Optional::stream).toList();
    }

    private IndicatorCounts unitCounts(HandlingUnit unit, IndicatorPeriod period) {
        IndicatorCounts own = reading.sum(Subject.UNIT, unit.id(), period.from(), period.to());
        if (unit.derivedFrom() == null) return own;
        return own.withIntakeOf(reading.sum(Subject.AREA, unit.derivedFrom(), period.from(), period.to()));
    }

    private IndicatorSet set(IndicatorCounts counts) {
        return IndicatorSet.of(counts, weights.effective());
    }

    private HandlingUnit unit(long id) {
        return organisation.visible(viewer(), id).orElseThrow(() -> new IndicatorException("unit", "indicators.error.unit-unknown", id));
    }

    private long area(long id) {
        if (!territory.covers(viewer().jurisdiction(), id, null)) throw new IndicatorException("unit", "indicators.error.unit-unknown", id);
        return id;
    }

    private UserSummary worker(long userId) {
        Actor actor = viewer();
        return users.find(userId).filter(u -> u.hasRole(Role.GRID_WORKER) && maySee(actor, u))
                .orElseThrow(() -> new IndicatorException("unit", "indicators.error.worker-unknown", userId));
    }

    /** Grid workers are seen by those whose jurisdiction covers one of the grids they serve. */
    private boolean maySee(Actor actor, UserSummary worker) {
        return actor.jurisdiction().unrestricted()
                || worker.unitIds().stream().anyMatch(u -> territory.covers(actor.jurisdiction(), u, null));
    }

    private Actor viewer() {
        Actor actor = actors.current();
        if (actor.roles().stream().noneMatch(VIEWERS::contains)) throw new IndicatorException("unit", "indicators.error.forbidden");
        return actor;
    }
}
