package cn.linli.registry.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Cuts an import's good rows into chunks and protects each chunk's residents (encrypted identifiers, blind
 * indexes) before handing it on, so that the thread that writes receives rows ready for {@code COPY}.
 */
final class ProtectedChunks {

    /** Rows, and for each row with a resident its column values, identifiers protected, in the rows' order. */
    record Chunk(List<ImportRow> rows, List<ImportRow> people, List<Object[]> residents) {
    }

    private final int size;
    private final Consumer<Chunk> next;
    private final Function<ImportRow, Object[]> protect;
    private final List<ImportRow> rows;

    ProtectedChunks(int size, Consumer<Chunk> next, Function<ImportRow, Object[]> protect) {
        this.size = size;
        this.next = next;
        this.protect = protect;
        this.rows = new ArrayList<>(size);
    }

    void add(ImportRow row) {
        rows.add(row);
        if (rows.size() == size) hand();
    }

    void finish() {
        if (!rows.isEmpty()) hand();
    }

    private void hand() {
        List<ImportRow> people = rows.stream().filter(r -> r.resident() != null).toList();
        next.accept(new Chunk(List.copyOf(rows), people, people.stream().map(protect).toList()));
        rows.clear();
    }
}
