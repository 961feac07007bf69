package cn.linli.territory.internal.snapshot;

import cn.linli.shared.DivisionCode;
import cn.linli.shared.DivisionLevel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applies a diff to a copy of the territory one operation at a time, the way a careful applier would, and fails
 * as soon as an operation is not applicable at its position: a parent that does not exist (yet), a stale old
 * value, a unit abolished while it still has children or touched after its abolition.
 */
final class DiffReplay {

    private final Map<String, Node> live = new HashMap<>();

    DiffReplay(List<CurrentUnit> units) {
        for (CurrentUnit unit : units) {
            live.put(existing(unit.unitId()), new Node(unit.code(), unit.name(), unit.level(),
                    unit.parentUnitId() == null ? null : existing(unit.parentUnitId()), unit.urbanRural()));
        }
    }

    DiffReplay apply(List<ProposedOperation> operations) {
        for (int i = 0; i < operations.size(); i++) {
            apply(i, operations.get(i));
        }
        return this;
    }

    private void apply(int position, ProposedOperation operation) {
        String at = "operation #" + position + " " + operation;
        if (operation instanceof ProposedOperation.Create create) {
            String key = created(create.code());
            assertThat(live).as(at).doesNotContainKey(key);
            live.put(key, new Node(create.code(), create.name(), create.level(), parentKey(create.parent(), at), create.urbanRural()));
            return;
        }
        Node node = live.get(existing(operation.unitId()));
        assertThat(node).as(at + ": unit must exist and not be abolished").isNotNull();
        if (operation instanceof ProposedOperation.Move move) {
            assertThat(node.parent).as(at).isEqualTo(existing(move.oldParentUnitId()));
            node.parent = parentKey(move.newParent(), at);
        } else if (operation instanceof ProposedOperation.Recode recode) {
            assertThat(node.code).as(at).isEqualTo(recode.oldCode());
            node.code = recode.newCode();
        } else if (operation instanceof ProposedOperation.Rename rename) {
            assertThat(node.name).as(at).isEqualTo(rename.oldName());
            node.name = rename.newName();
        } else if (operation instanceof ProposedOperation.Reclassify reclassify) {
            assertThat(node.urbanRural).as(at).isEqualTo(reclassify.oldUrbanRural());
            node.urbanRural = reclassify.newUrbanRural();
        } else if (operation instanceof ProposedOperation.Abolish) {
            String key = existing(operation.unitId());
            assertThat(live.values()).as(at + ": abolished unit must be empty").noneMatch(child -> key.equals(child.parent));
            live.remove(key);
        }
    }

    private String parentKey(ParentRef parent, String at) {
        if (parent == null) {
            return null;
        }
        String key = parent instanceof ParentRef.Existing existing ? existing(existing.unitId())
                : created(((ParentRef.Created) parent).code());
        assertThat(live).as(at + ": parent must exist by now").containsKey(key);
        return key;
    }

    /** The replayed territory as snapshot rows: the parent code is the parent's code after the whole diff. */
    List<SnapshotRow> asRows(DivisionCode provinceOfCity) {
        List<SnapshotRow> rows = new ArrayList<>();
        for (Node node : live.values()) {
            DivisionCode parentCode = node.parent == null ? provinceOfCity : live.get(node.parent).code;
            rows.add(new SnapshotRow(node.code, node.name, node.level, parentCode, node.urbanRural));
        }
        return rows;
    }

    /** The replayed territory as current units; created units get ids from {@code firstNewId} on. */
    List<CurrentUnit> asUnits(long firstNewId) {
        Map<String, Long> ids = new HashMap<>();
        long next = firstNewId;
        for (String key : live.keySet().stream().sorted().toList()) {
            ids.put(key, key.startsWith("unit:") ? Long.parseLong(key.substring(5)) : next++);
        }
        List<CurrentUnit> units = new ArrayList<>();
        live.forEach((key, node) -> units.add(new CurrentUnit(ids.get(key), node.level, node.code, node.name,
                node.parent == null ? null : ids.get(node.parent), node.urbanRural)));
        return units;
    }

    private static String existing(Long unitId) {
        return unitId == null ? null : "unit:" + unitId;
    }

    private static String created(DivisionCode code) {
        return "new:" + code;
    }

    private static final class Node {
        DivisionCode code;
        String name;
        final DivisionLevel level;
        String parent;
        String urbanRural;

        Node(DivisionCode code, String name, DivisionLevel level, String parent, String urbanRural) {
            this.code = code;
            this.name = name;
            this.level = level;
            this.parent = parent;
            this.urbanRural = urbanRural;
        }
    }
}
