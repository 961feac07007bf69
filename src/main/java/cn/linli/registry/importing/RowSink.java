package cn.linli.registry.importing;

import java.util.List;

/** Receives a sheet's rows one by one, so that a file of a million rows is never held as objects all at once. */
@FunctionalInterface
public interface RowSink {

    /** @param rowNo the row number as the spreadsheet shows it: the heading row is 1 */
    void row(int rowNo, List<String> cells);
}
