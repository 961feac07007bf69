package cn.linli.territory.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.linli.shared.DivisionCode;
import cn.linli.shared.DivisionLevel;
import cn.linli.territory.NewUnit;
import cn.linli.territory.TerritoryException;
import cn.linli.territory.UnitChanges;
import cn.linli.territory.UnitType;

/**
 * The territory being changed inside one transaction: enforces the rules of every change against the open
 * (latest) versions, writes the rows and mirrors them in memory, so a batch of thousands of changes (a snapshot,
 * the demo city) validates each one in constant time. Changes are recorded in date order per unit: a change may
 * not be dated before the last change of any unit it touches.
 */
public final class TerritoryWorkingCopy {

    private static final Set<String> URBAN_RURAL = Set.of("111", "112", "121", "122", "123", "210", "220");

    private final DivisionStore store;
    private final TerritoryWrites writes;
    private final Map<Long, List<DivisionVersion>> versions;
    private final Map<Long, DivisionVersion> open = new HashMap<>();
    private final Map<String, Long> openCodes = new HashMap<>();
    private final Map<Long, Set<Long>> openChildren = new HashMap<>();
    private final LocalDate firstDate;
    private boolean codesCheckedAtEnd;

    TerritoryWorkingCopy(DivisionStore store, TerritoryHistory history) {
        this.store = store;
        this.writes = store.writes();
        this.versions = history.copyOfVersions();
        this.firstDate = history.firstDate().orElse(null);
        versions.values().forEach(list -> {
            DivisionVersion last = list.get(list.size() - 1);
            if (last.validTo() == null) index(last);
        });
    }

    /** Sends the held-back rows to the database; needed before other SQL of the transaction reads or refers to them. */
    public void flush() {
        writes.flush();
    }

    public TerritoryHistory history() {
        return new TerritoryHistory(versions);
    }

    public DivisionVersion open(long unitId) {
        DivisionVersion version = open.get(unitId);
        if (version == null) throw new TerritoryException("unitId", "territory.error.unit-unknown", unitId);
        return version;
    }

    public Set<Long> openChildren(long unitId) {
        return Set.copyOf(openChildren.getOrDefault(unitId, Set.of()));
    }

    public Long openUnitWithCode(String code) {
        return openCodes.get(code);
    }

    public long create(NewUnit unit, LocalDate date, long operationId) {
        requireKnownDate(date);
        UnitType type = unit.typeOrImplied();
        var candidate = new DivisionVersion(0, unit.code().level(), date, null, unit.code(), clean(unit.name()), type,
                blankToNull(unit.urbanRural()), unit.parentId(), operationId);
        validate(candidate, null, true);
        if (unit.parentId() != null) requireNotBefore(unit.parentId(), date);
        long id = store.nextUnitId();
        var version = withId(candidate, id);
        writes.insertUnit(id, candidate.level(), date);
        writes.insertVersion(version);
        writes.link(operationId, id, "CREATED");
        versions.computeIfAbsent(id, k -> new java.util.ArrayList<>()).add(version);
        index(version);
        return id;
    }

    public void amend(long unitId, LocalDate date, UnitChanges changes, long operationId, String role) {
        amend(unitId, date, changes, operationId, role, true);
    }

    /**
     * Amends a unit. {@code requireNesting} is false for the children carried along by a merge, split or abolished
     * level: their statistical codes are reissued by the next official list, not by this operation.
     */
    public void amend(long unitId, LocalDate date, UnitChanges changes, long operationId, String role, boolean requireNesting) {
        DivisionVersion current = open(unitId);
        requireNotBefore(unitId, date);
        DivisionCode code = changes.code() != null ? changes.code() : current.code();
        UnitType type = changes.type() != null ? changes.type()
                : (changes.code() != null && !current.type().fits(code) ? UnitType.implied(code) : current.type());
        var candidate = new DivisionVersion(unitId, current.level(), date, null, code,
                changes.name() != null ? clean(changes.name()) : current.name(), type,
                changes.urbanRural() != null ? blankToNull(changes.urbanRural()) : current.urbanRural(),
                changes.parentId() != null ? changes.parentId() : current.parentId(), operationId);
        boolean placementChanged = !code.equals(current.code()) || !java.util.Objects.equals(candidate.parentId(), current.parentId());
        validate(candidate, current, placementChanged && requireNesting);
        if (changes.parentId() != null) requireNotBefore(changes.parentId(), date);
        unindex(current);
        List<DivisionVersion> list = versions.get(unitId);
        if (current.validFrom().equals(date)) {
            candidate = new DivisionVersion(unitId, current.level(), date, null, candidate.code(), candidate.name(),
                    candidate.type(), candidate.urbanRural(), candidate.parentId(), current.operationId());
            writes.replaceOpenVersion(candidate);
            list.set(list.size() - 1, candidate);
        } else {
            writes.closeOpenVersion(current, date);
            writes.insertVersion(candidate);
            list.set(list.size() - 1, current.closedOn(date));
            list.add(candidate);
        }
        writes.link(operationId, unitId, role);
        index(candidate);
        if (!code.equals(current.code()) && current.level() == DivisionLevel.COMMUNITY) recodeGrids(unitId, code, date, operationId);
    }

    /** A grid's code is its community's code plus a sequence, so recoding a community recodes its grids. */
    private void recodeGrids(long communityId, DivisionCode communityCode, LocalDate date, long operationId) {
        for (long gridId : openChildren(communityId)) {
            DivisionVersion grid = open.get(gridId);
            var gridCode = new DivisionCode(communityCode.value() + grid.code().value().substring(12));
            amend(gridId, date, UnitChanges.recode(gridCode), operationId, "SUBJECT");
        }
    }

    /** Records that an operation touched a unit without changing its attributes (e.g. the target of a merge). */
    public void mark(long unitId, long operationId, String role) {
        open(unitId);
        writes.link(operationId, unitId, role);
    }

    public void end(long unitId, LocalDate date, long operationId, String role) {
        DivisionVersion current = open(unitId);
        requireNotBefore(unitId, date);
        if (current.validFrom().equals(date)) {
            throw new TerritoryException("date", "territory.error.end-on-start", current.name(), date);
        }
        Set<Long> children = openChildren.getOrDefault(unitId, Set.of());
        if (!children.isEmpty()) {
            throw new TerritoryException("unitId", "territory.error.has-children", current.name(), children.size());
        }
        writes.closeOpenVersion(current, date);
        writes.endUnit(unitId, date);
        writes.link(operationId, unitId, role);
        List<DivisionVersion> list = versions.get(unitId);
        list.set(list.size() - 1, current.closedOn(date));
        unindex(current);
    }

    private void validate(DivisionVersion v, DivisionVersion previous, boolean placementChanged) {
        if (v.name() == null || v.name().isEmpty() || v.name().length() > 100) {
            throw new TerritoryException("name", "territory.error.name");
        }
        if (v.type().level() != v.level() || !v.type().fits(v.code())) {
            throw new TerritoryException("type", "territory.error.type-code", v.type(), v.code().value());
        }
        if (previous != null && previous.level() != v.code().level()) {
            throw new TerritoryException("code", "territory.error.code-level", v.code().value(), previous.level());
        }
        if (v.urbanRural() != null && !URBAN_RURAL.contains(v.urbanRural())) {
            throw new TerritoryException("urbanRural", "territory.error.urban-rural", v.urbanRural());
        }
        Long holder = openCodes.get(v.code().value());
        if (!codesCheckedAtEnd && holder != null && (previous == null || holder != previous.unitId())) {
            throw new TerritoryException("code", "territory.error.code-taken", v.code().value(), open.get(holder).name());
        }
        if (v.level() == DivisionLevel.CITY) {
            if (v.parentId() != null) throw new TerritoryException("parentId", "territory.error.city-parent");
            return;
        }
        if (v.parentId() == null) throw new TerritoryException("parentId", "territory.error.parent-required");
        DivisionVersion parent = open.get(v.parentId());
        if (parent == null) throw new TerritoryException("parentId", "territory.error.parent-unknown", v.parentId());
        if (!allowedParent(v.level(), parent.level())) {
            throw new TerritoryException("parentId", "territory.error.parent-level", v.level(), parent.level());
        }
        if (placementChanged && !v.code().value().startsWith(parent.code().prefix())) {
            throw new TerritoryException("code", "territory.error.code-nesting", v.code().value(), parent.code().value());
        }
    }

    /**
     * An official list may hand a code from one unit to another on the same day (codes are reused); within such
     * a batch the uniqueness of codes is checked once all its changes are made, by {@link #verifyCodes()}.
     */
    public void checkCodesAtEnd() {
        codesCheckedAtEnd = true;
    }

    public void verifyCodes() {
        Map<String, Long> seen = new HashMap<>();
        for (DivisionVersion version : open.values()) {
            Long other = seen.put(version.code().value(), version.unitId());
            if (other != null) {
                throw new TerritoryException("code", "territory.error.code-taken", version.code().value(), open.get(other).name());
            }
        }
    }

    static boolean allowedParent(DivisionLevel child, DivisionLevel parent) {
        return switch (child) {
            case CITY -> false;
            case COUNTY -> parent == DivisionLevel.CITY;
            case TOWNSHIP -> parent == DivisionLevel.COUNTY;
            // Communities may sit directly under a district whose street offices were abolished.
            case COMMUNITY -> parent == DivisionLevel.TOWNSHIP || parent == DivisionLevel.COUNTY;
            case GRID -> parent == DivisionLevel.COMMUNITY;
        };
    }

    private void requireKnownDate(LocalDate date) {
        if (date == null) throw new TerritoryException("date", "territory.error.date-required");
        if (firstDate != null && date.isBefore(firstDate)) {
            throw new TerritoryException("date", "territory.error.date-before-history", date, firstDate);
        }
    }

    private void requireNotBefore(long unitId, LocalDate date) {
        requireKnownDate(date);
        DivisionVersion current = open(unitId);
        if (date.isBefore(current.validFrom())) {
            throw new TerritoryException("date", "territory.error.date-before-last-change", current.name(), current.validFrom());
        }
    }

    private void index(DivisionVersion version) {
        open.put(version.unitId(), version);
        openCodes.put(version.code().value(), version.unitId());
        if (version.parentId() != null) openChildren.computeIfAbsent(version.parentId(), k -> new LinkedHashSet<>()).add(version.unitId());
    }

    private void unindex(DivisionVersion version) {
        open.remove(version.unitId());
        openCodes.remove(version.code().value(), version.unitId());
        if (version.parentId() != null) {
            Set<Long> siblings = openChildren.get(version.parentId());
            if (siblings != null) siblings.remove(version.unitId());
        }
    }

    private static DivisionVersion withId(DivisionVersion v, long id) {
        return new DivisionVersion(id, v.level(), v.validFrom(), v.validTo(), v.code(), v.name(), v.type(), v.urbanRural(), v.parentId(), v.operationId());
    }

    private static String clean(String name) {
        return name == null ? null : name.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
