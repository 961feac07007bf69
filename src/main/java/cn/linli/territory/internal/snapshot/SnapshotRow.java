package cn.linli.territory.internal.snapshot;

import cn.linli.shared.DivisionCode;
import cn.linli.shared.DivisionLevel;

/**
 * One unit of an official division-code list. The file's level word {@code village} is read as
 * {@link DivisionLevel#COMMUNITY}. {@code parentCode} of the city is the province, which is not in the list;
 * {@code urbanRural} is {@code null} when the list does not classify the unit.
 */
public record SnapshotRow(DivisionCode code, String name, DivisionLevel level, DivisionCode parentCode, String urbanRural) {
}
