package cn.linli.territory.internal.snapshot;

import cn.linli.shared.DivisionLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns the matching into operations, in an order that can be applied one by one from the top: all creations
 * (parents before children), then moves (so every new parent exists), then recodes, renames and
 * reclassifications, and last the abolitions, children before parents, so that every abolished unit is empty.
 * Codes are only consistent at the end: a new unit may take a code that an abolished one still holds.
 */
final class OperationPlanner {

    private final CurrentTerritory territory;
    private final SnapshotTerritory snapshot;
    private final Matching matching;

    private final List<ProposedOperation> creations = new ArrayList<>();
    private final List<ProposedOperation> moves = new ArrayList<>();
    private final List<ProposedOperation> recodes = new ArrayList<>();
    private final List<ProposedOperation> renames = new ArrayList<>();
    private final List<ProposedOperation> reclassifications = new ArrayList<>();
    private final List<ProposedOperation> abolitions = new ArrayList<>();

    OperationPlanner(CurrentTerritory territory, SnapshotTerritory snapshot, Matching matching) {
        this.territory = territory;
        this.snapshot = snapshot;
        this.matching = matching;
    }

    List<ProposedOperation> plan() {
        for (DivisionLevel level : SnapshotComparison.COMPARED_LEVELS) {
            snapshot.atLevel(level).stream().filter(row -> !matching.isMatched(row)).forEach(this::create);
            territory.atLevel(level).stream().filter(matching::isMatched).forEach(this::change);
        }
        for (DivisionLevel level : SnapshotComparison.BOTTOM_UP) {
            territory.atLevel(level).stream().filter(unit -> !matching.isMatched(unit))
                    .forEach(unit -> abolitions.add(new ProposedOperation.Abolish(unit.unitId(), unit.code(), unit.name())));
        }
        List<ProposedOperation> operations = new ArrayList<>();
        List.of(creations, moves, recodes, renames, reclassifications, abolitions).forEach(operations::addAll);
        return operations;
    }

    private void create(SnapshotRow row) {
        creations.add(new ProposedOperation.Create(row.code(), row.name(), row.level(), parentOf(row), row.urbanRural()));
    }

    private void change(CurrentUnit unit) {
        UnitMatch match = matching.ofUnit(unit.unitId());
        SnapshotRow row = snapshot.row(match.newCode());
        ParentRef newParent = parentOf(row);
        if (newParent != null && !newParent.equals(new ParentRef.Existing(Objects.requireNonNull(unit.parentUnitId())))) {
            moves.add(new ProposedOperation.Move(unit.unitId(), match.rule(), unit.parentUnitId(), newParent));
        }
        if (!row.code().equals(unit.code())) {
            recodes.add(new ProposedOperation.Recode(unit.unitId(), match.rule(), unit.code(), row.code()));
        }
        if (!row.name().equals(unit.name())) {
            renames.add(new ProposedOperation.Rename(unit.unitId(), match.rule(), unit.name(), row.name()));
        }
        if (row.urbanRural() != null && !row.urbanRural().equals(unit.urbanRural())) {
            reclassifications.add(new ProposedOperation.Reclassify(unit.unitId(), match.rule(), unit.urbanRural(),
                    row.urbanRural()));
        }
    }

    /** The unit matched to the row's parent, or the parent created in this diff; {@code null} above the city. */
    private ParentRef parentOf(SnapshotRow row) {
        if (row.level() == DivisionLevel.CITY) {
            return null;
        }
        UnitMatch parentMatch = matching.ofCode(row.parentCode());
        return parentMatch == null ? new ParentRef.Created(row.parentCode()) : new ParentRef.Existing(parentMatch.unitId());
    }
}
