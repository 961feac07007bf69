package cn.linli.territory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;

import cn.linli.shared.DivisionCode;
import cn.linli.shared.DivisionLevel;
import cn.linli.territory.internal.DivisionVersion;
import cn.linli.territory.internal.TerritoryTransactions;
import cn.linli.territory.internal.TerritoryWorkingCopy;

/**
 * The dated reorganisations of the territory. Each is one transaction and one recorded operation; a rule broken
 * by any part of it throws {@link TerritoryException} and changes nothing. History is never lost: a change closes
 * the period of the old attributes and opens a new one.
 */
@Service
public class Reorganisations {

    private final TerritoryTransactions transactions;

    Reorganisations(TerritoryTransactions transactions) {
        this.transactions = transactions;
    }

    public long create(NewUnit unit, LocalDate date, String note) {
        return transactions.run(ReorganisationKind.CREATE, date, note, op -> op.territory().create(unit, date, op.id()));
    }

    public void rename(long unitId, String name, LocalDate date, String note) {
        amend(ReorganisationKind.RENAME, unitId, UnitChanges.rename(name), date, note);
    }

    public void recode(long unitId, DivisionCode code, LocalDate date, String note) {
        amend(ReorganisationKind.RECODE, unitId, UnitChanges.recode(code), date, note);
    }

    /** Moves a unit under another parent; the new code is needed when the old one does not nest under the new parent. */
    public void move(long unitId, long newParentId, DivisionCode newCode, LocalDate date, String note) {
        UnitChanges changes = UnitChanges.moveTo(newParentId);
        if (newCode != null) changes = changes.and(UnitChanges.recode(newCode));
        amend(ReorganisationKind.MOVE, unitId, changes, date, note);
    }

    public void amend(ReorganisationKind kind, long unitId, UnitChanges changes, LocalDate date, String note) {
        transactions.run(kind, date, note, op -> {
            op.territory().amend(unitId, date, changes, op.id(), "SUBJECT");
            return null;
        });
    }

    /** Abolishes a unit that has no sub-units left. */
    public void abolish(long unitId, LocalDate date, String note) {
        transactions.run(ReorganisationKind.ABOLISH, date, note, op -> {
            op.territory().end(unitId, date, op.id(), "SUBJECT");
            return null;
        });
    }

    /**
     * Merges several units into one (an existing unit or a new one): the sources' sub-units move to the target and
     * the sources end. The report's consolidation of 52 communities into 20 is a series of these.
     */
    public long merge(List<Long> sourceIds, Long targetId, NewUnit newTarget, LocalDate date, String note) {
        if (sourceIds == null || sourceIds.isEmpty() || (targetId == null) == (newTarget == null)) {
            throw new TerritoryException("sourceIds", "territory.error.merge-shape");
        }
        if (new HashSet<>(sourceIds).size() != sourceIds.size() || (targetId != null && sourceIds.contains(targetId))) {
            throw new TerritoryException("sourceIds", "territory.error.merge-duplicate");
        }
        return transactions.run(ReorganisationKind.MERGE, date, note, op -> {
            TerritoryWorkingCopy territory = op.territory();
            DivisionLevel level = territory.open(sourceIds.get(0)).level();
            long target = targetId != null ? targetId : territory.create(newTarget, date, op.id());
            if (territory.open(target).level() != level) throw new TerritoryException("targetId", "territory.error.merge-level");
            territory.mark(target, op.id(), "TARGET");
            for (long source : sourceIds) {
                if (territory.open(source).level() != level) throw new TerritoryException("sourceIds", "territory.error.merge-level");
                carryChildren(territory, source, target, date, op.id());
                territory.end(source, date, op.id(), "SOURCE");
            }
            return target;
        });
    }

    /** A part of a split: the new unit and which of the old unit's sub-units go to it. */
    public record SplitPart(NewUnit unit, List<Long> childIds) {
    }

    /** Splits one unit into several new ones; every sub-unit of the old unit must be given to one part. */
    public List<Long> split(long sourceId, List<SplitPart> parts, LocalDate date, String note) {
        if (parts == null || parts.size() < 2) throw new TerritoryException("parts", "territory.error.split-parts");
        return transactions.run(ReorganisationKind.SPLIT, date, note, op -> {
            TerritoryWorkingCopy territory = op.territory();
            DivisionVersion source = territory.open(sourceId);
            Set<Long> children = territory.openChildren(sourceId);
            Set<Long> assigned = new HashSet<>();
            for (SplitPart part : parts) {
                for (Long child : part.childIds()) {
                    if (!children.contains(child) || !assigned.add(child)) {
                        throw new TerritoryException("parts", "territory.error.split-child", child, source.name());
                    }
                }
            }
            if (!assigned.equals(children)) {
                throw new TerritoryException("parts", "territory.error.split-unassigned", children.size() - assigned.size());
            }
            List<Long> created = new ArrayList<>();
            for (SplitPart part : parts) {
                if (part.unit().code().level() != source.level()) throw new TerritoryException("parts", "territory.error.merge-level");
                long id = territory.create(part.unit(), date, op.id());
                created.add(id);
                for (long child : part.childIds()) moveChild(territory, child, id, date, op.id());
            }
            territory.end(sourceId, date, op.id(), "SOURCE");
            created.forEach(id -> territory.mark(id, op.id(), "TARGET"));
            return created;
        });
    }

    /**
     * Abolishes the street offices of a district: its communities come directly under the district (the 前进区
     * reform of the 2017 report: city – district – community instead of four levels).
     */
    public void abolishStreets(long countyId, LocalDate date, String note) {
        transactions.run(ReorganisationKind.ABOLISH_LEVEL, date, note, op -> {
            TerritoryWorkingCopy territory = op.territory();
            if (territory.open(countyId).level() != DivisionLevel.COUNTY) {
                throw new TerritoryException("unitId", "territory.error.abolish-level-county");
            }
            int streets = 0;
            for (long township : territory.openChildren(countyId)) {
                if (territory.open(township).type() != UnitType.STREET) continue;
                streets++;
                carryChildren(territory, township, countyId, date, op.id());
                territory.end(township, date, op.id(), "SOURCE");
            }
            if (streets == 0) throw new TerritoryException("unitId", "territory.error.no-streets");
            territory.mark(countyId, op.id(), "TARGET");
            return null;
        });
    }

    private static void carryChildren(TerritoryWorkingCopy territory, long from, long to, LocalDate date, long operationId) {
        for (long child : territory.openChildren(from)) moveChild(territory, child, to, date, operationId);
    }

    /** Moves a sub-unit; a grid also takes the next free sequence in its new community, as its code is derived. */
    private static void moveChild(TerritoryWorkingCopy territory, long child, long to, LocalDate date, long operationId) {
        DivisionVersion version = territory.open(child);
        UnitChanges changes = UnitChanges.moveTo(to);
        if (version.level() == DivisionLevel.GRID) {
            changes = changes.and(UnitChanges.recode(nextGridCode(territory, to)));
        }
        territory.amend(child, date, changes, operationId, "SUBJECT", false);
    }

    static DivisionCode nextGridCode(TerritoryWorkingCopy territory, long communityId) {
        String community = territory.open(communityId).code().value();
        for (int sequence = 1; sequence <= 999; sequence++) {
            String code = community + String.format("%03d", sequence);
            if (territory.openUnitWithCode(code) == null) return new DivisionCode(code);
        }
        throw new TerritoryException("code", "territory.error.grid-sequence-full", community);
    }
}
