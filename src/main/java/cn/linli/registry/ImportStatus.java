package cn.linli.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An import as its owner sees it: the file's headings, the mapping (field → column index), the state and the counts
 * behind the progress bar. {@code failure} is a message key when the import failed or the file was unreadable.
 * {@code headingRow} is the row of the headings as the sheet numbers it (1 unless titles stand above them); data rows
 * follow it, and every row number reported is the sheet's own.
 */
public record ImportStatus(String id, String owner, String fileName, String format, String charset, List<String> headings,
        Map<ImportField, Integer> mapping, ImportState state, int totalRows, int processedRows, int rejectedRows,
        int importedRows, String failure, Instant createdAt, int headingRow) {

    public ImportStatus {
        headings = List.copyOf(headings);
        mapping = Map.copyOf(mapping);
    }

    /** Percent of the current step done, for the progress bar. */
    public int percent() {
        if (state == ImportState.IMPORTED || state == ImportState.VALIDATED) return 100;
        return totalRows == 0 ? 0 : (int) Math.min(100, processedRows * 100L / totalRows);
    }

    public int goodRows() {
        return totalRows - rejectedRows;
    }
}
