package cn.linli.territory.internal.snapshot;

import cn.linli.shared.DivisionCode;
import cn.linli.shared.DivisionLevel;

/**
 * One change proposed to a reviewer. Every operation on an existing unit names the unit and how it was matched;
 * a unit can receive several (MOVE, RECODE and RENAME together is common).
 */
public sealed interface ProposedOperation {

    /** The unit concerned, or {@code null} for a unit that does not exist yet. */
    Long unitId();

    OperationType type();

    /** A unit in the snapshot that matches none today; {@code parent} is {@code null} only for a new city. */
    record Create(DivisionCode code, String name, DivisionLevel level, ParentRef parent, String urbanRural)
            implements ProposedOperation {
        @Override
        public OperationType type() {
            return OperationType.CREATE;
        }

        @Override
        public Long unitId() {
            return null;
        }
    }

    record Rename(Long unitId, MatchRule matchedBy, String oldName, String newName) implements ProposedOperation {
        @Override
        public OperationType type() {
            return OperationType.RENAME;
        }
    }

    /** A new code; for a township this can also be a change of class (乡 2xx → 镇 1xx). */
    record Recode(Long unitId, MatchRule matchedBy, DivisionCode oldCode, DivisionCode newCode)
            implements ProposedOperation {
        @Override
        public OperationType type() {
            return OperationType.RECODE;
        }
    }

    record Move(Long unitId, MatchRule matchedBy, Long oldParentUnitId, ParentRef newParent) implements ProposedOperation {
        @Override
        public OperationType type() {
            return OperationType.MOVE;
        }
    }

    /** Only proposed when the snapshot gives an urban-rural class. */
    record Reclassify(Long unitId, MatchRule matchedBy, String oldUrbanRural, String newUrbanRural)
            implements ProposedOperation {
        @Override
        public OperationType type() {
            return OperationType.RECLASSIFY;
        }
    }

    /** A unit the snapshot no longer lists; by then its children have moved away or are abolished themselves. */
    record Abolish(Long unitId, DivisionCode code, String name) implements ProposedOperation {
        @Override
        public OperationType type() {
            return OperationType.ABOLISH;
        }
    }
}
