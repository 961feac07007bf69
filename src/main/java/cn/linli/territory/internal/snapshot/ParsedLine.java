package cn.linli.territory.internal.snapshot;

import cn.linli.shared.DivisionCode;
import cn.linli.shared.DivisionLevel;

/**
 * A data line after its own fields were checked, before the checks that need other lines. A field that failed
 * its check is {@code null}; {@code rawCode} is kept so that a child of a broken line is not also reported as
 * an orphan.
 */
record ParsedLine(int line, String rawCode, DivisionCode code, String name, DivisionLevel level,
                  DivisionCode parentCode, String urbanRural) {

    boolean complete() {
        return code != null && name != null && level != null && parentCode != null;
    }

    SnapshotRow toRow() {
        return new SnapshotRow(code, name, level, parentCode, urbanRural);
    }
}
