package cn.linli.territory;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.linli.access.Jurisdiction;
import cn.linli.territory.internal.DivisionStore;
import cn.linli.territory.internal.DivisionVersion;
import cn.linli.territory.internal.TerritoryState;

/**
 * Read access to the territory, always within a jurisdiction: a unit outside it is reported as not found, so
 * callers cannot leak what they may not see. Every question can be asked as of a date (null = today).
 */
@Service
public class TerritoryQueries {

    private final TerritoryState state;
    private final DivisionStore store;

    TerritoryQueries(TerritoryState state, DivisionStore store) {
        this.state = state;
        this.store = store;
    }

    /** The whole tree on a date, unscoped: for modules that need the structure itself, never for display. */
    public DivisionTree tree(LocalDate asOf) {
        requireKnownDate(asOf);
        return state.asOf(asOf);
    }

    public Optional<Division> division(Jurisdiction jurisdiction, long unitId, LocalDate asOf) {
        DivisionTree tree = tree(asOf);
        return tree.covers(jurisdiction, unitId) ? tree.find(unitId) : Optional.empty();
    }

    public boolean covers(Jurisdiction jurisdiction, long unitId, LocalDate asOf) {
        return tree(asOf).covers(jurisdiction, unitId);
    }

    public List<Division> children(Jurisdiction jurisdiction, long unitId, LocalDate asOf) {
        DivisionTree tree = tree(asOf);
        return tree.covers(jurisdiction, unitId) ? tree.children(unitId) : List.of();
    }

    /** Units whose name or code contains the query, within the jurisdiction, at most {@code limit}. */
    public List<Division> search(Jurisdiction jurisdiction, String query, LocalDate asOf, int limit) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) return List.of();
        DivisionTree tree = tree(asOf);
        return tree.all().stream()
                .filter(d -> d.name().toLowerCase(Locale.ROOT).contains(q) || d.code().value().startsWith(q))
                .filter(d -> tree.covers(jurisdiction, d.id()))
                .sorted(Comparator.comparing((Division d) -> d.level().ordinal()).thenComparing(Division::code))
                .limit(limit).toList();
    }

    public Optional<UnitHistory> history(Jurisdiction jurisdiction, long unitId) {
        List<DivisionVersion> versions = state.history().versions(unitId);
        if (versions.isEmpty()) return Optional.empty();
        LocalDate lastDay = lastDayOf(versions.get(versions.size() - 1));
        if (!state.history().asOf(lastDay).covers(jurisdiction, unitId)) return Optional.empty();
        List<UnitHistory.Period> periods = versions.stream().map(v -> new UnitHistory.Period(v.validFrom(), v.validTo(),
                v.code().value(), v.name(), v.type(), v.urbanRural(), v.parentId(), parentName(v))).toList();
        List<UnitHistory.Event> events = store.operationsOf(unitId).stream().map(o -> new UnitHistory.Event(o.id(), o.kind(),
                o.effectiveOn(), o.role(), o.note(), o.recordedAt(), o.recordedBy())).toList();
        return Optional.of(new UnitHistory(unitId, periods, events));
    }

    /** The earliest date the territory has records for; queries before it are refused. */
    public Optional<LocalDate> firstDate() {
        return state.history().firstDate();
    }

    private String parentName(DivisionVersion version) {
        if (version.parentId() == null) return null;
        return state.history().asOf(lastDayOf(version)).find(version.parentId())
                .or(() -> state.history().asOf(version.validFrom()).find(version.parentId()))
                .map(Division::name).orElse(null);
    }

    private static LocalDate lastDayOf(DivisionVersion version) {
        return version.validTo() == null ? version.validFrom().plusYears(1000) : version.validTo().minusDays(1);
    }

    private void requireKnownDate(LocalDate asOf) {
        if (asOf == null) return;
        Optional<LocalDate> first = state.history().firstDate();
        if (first.isPresent() && asOf.isBefore(first.get())) {
            throw new TerritoryException("date", "territory.error.date-before-history", asOf, first.get());
        }
    }
}
