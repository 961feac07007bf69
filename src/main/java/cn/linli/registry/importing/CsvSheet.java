package cn.linli.registry.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 and Excel write it: fields separated by commas, quoted when they hold commas, quotes or line
 * breaks, lines ending in CRLF or LF; a UTF-8 byte-order mark is skipped. Streaming: one row at a time.
 */
final class CsvSheet {

    private CsvSheet() {
    }

    static void read(byte[] content, Charset charset, RowSink sink) {
        try (Reader in = new java.io.BufferedReader(new InputStreamReader(new ByteArrayInputStream(content), charset), 1 << 16)) {
            parse(in, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void parse(Reader in, RowSink sink) throws IOException {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int rowNo = 1;
        int c = in.read();
        if (c == '\uFEFF') c = in.read();
        while (c != -1) {
            int next = in.read();
            if (quoted) {
                if (c == '"' && next == '"') {
                    cell.append('"');
                    next = in.read();
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append((char) c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && next == '\n') next = in.read();
                if (any || cell.length() > 0) {
                    cells.add(cell.toString());
                    sink.row(rowNo, cells);
                }
                rowNo++;
                cells = new ArrayList<>();
                cell.setLength(0);
                any = false;
            } else {
                cell.append((char) c);
            }
            c = next;
        }
        if (any || cell.length() > 0) {
            cells.add(cell.toString());
            sink.row(rowNo, cells);
        }
    }
}
