package cn.linli.territory.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.linli.shared.DivisionLevel;
import cn.linli.territory.NewUnit;
import cn.linli.territory.UnitChanges;
import cn.linli.territory.internal.snapshot.ParentRef;
import cn.linli.territory.internal.snapshot.ProposedOperation;
import cn.linli.territory.internal.snapshot.SnapshotDiff;

/**
 * Applies a reviewed snapshot diff to a working copy: level by level from the city down, new units first and then
 * the changes of existing units of that level (one combined change per unit, since a move, a recode and a rename
 * only make sense together), and finally the abolitions from the bottom up, once their sub-units have moved away.
 */
public final class SnapshotApplication {

    private final TerritoryWorkingCopy territory;
    private final LocalDate date;
    private final long operationId;
    private final Map<String, Long> created = new HashMap<>();

    public SnapshotApplication(TerritoryWorkingCopy territory, LocalDate date, long operationId) {
        this.territory = territory;
        this.date = date;
        this.operationId = operationId;
    }

    /** Applies every proposed operation; returns the ids of the units created, by their code. */
    public Map<String, Long> apply(SnapshotDiff diff) {
        territory.checkCodesAtEnd();
        for (DivisionLevel level : List.of(DivisionLevel.CITY, DivisionLevel.COUNTY, DivisionLevel.TOWNSHIP, DivisionLevel.COMMUNITY)) {
            for (ProposedOperation operation : diff.operations()) {
                if (operation instanceof ProposedOperation.Create create && create.level() == level) create(create);
            }
            changesAt(diff, level).forEach((unitId, changes) -> territory.amend(unitId, date, changes, operationId, "SUBJECT"));
        }
        Map<Long, DivisionLevel> abolished = new LinkedHashMap<>();
        diff.operationsOfType(ProposedOperation.Abolish.class).forEach(a -> abolished.put(a.unitId(), territory.open(a.unitId()).level()));
        for (DivisionLevel level : List.of(DivisionLevel.COMMUNITY, DivisionLevel.TOWNSHIP, DivisionLevel.COUNTY, DivisionLevel.CITY)) {
            abolished.forEach((unitId, unitLevel) -> {
                if (unitLevel == level) territory.end(unitId, date, operationId, "SUBJECT");
            });
        }
        territory.verifyCodes();
        return Map.copyOf(created);
    }

    private void create(ProposedOperation.Create create) {
        Long parentId = create.parent() == null ? null : resolve(create.parent());
        long id = territory.create(new NewUnit(create.code(), create.name(), null, create.urbanRural(), parentId), date, operationId);
        created.put(create.code().value(), id);
    }

    private Map<Long, UnitChanges> changesAt(SnapshotDiff diff, DivisionLevel level) {
        Map<Long, UnitChanges> changes = new LinkedHashMap<>();
        for (ProposedOperation operation : diff.operations()) {
            if (operation instanceof ProposedOperation.Create || operation instanceof ProposedOperation.Abolish) continue;
            if (territory.open(operation.unitId()).level() != level) continue;
            changes.merge(operation.unitId(), changeOf(operation), UnitChanges::and);
        }
        return changes;
    }

    private UnitChanges changeOf(ProposedOperation operation) {
        if (operation instanceof ProposedOperation.Rename r) return UnitChanges.rename(r.newName());
        if (operation instanceof ProposedOperation.Recode r) return UnitChanges.recode(r.newCode());
        if (operation instanceof ProposedOperation.Move m) return UnitChanges.moveTo(resolve(m.newParent()));
        if (operation instanceof ProposedOperation.Reclassify r) return new UnitChanges(null, null, null, r.newUrbanRural(), null);
        throw new IllegalStateException("unexpected operation " + operation);
    }

    private long resolve(ParentRef parent) {
        if (parent instanceof ParentRef.Existing existing) return existing.unitId();
        String code = ((ParentRef.Created) parent).code().value();
        Long id = created.get(code);
        if (id == null) throw new IllegalStateException("parent " + code + " is created later in the diff");
        return id;
    }
}
