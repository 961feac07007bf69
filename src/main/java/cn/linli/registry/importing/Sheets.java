package cn.linli.registry.importing;

import java.nio.charset.Charset;

/** Reads an uploaded file of either format row by row. */
final class Sheets {

    private Sheets() {
    }

    static void read(SheetFormat format, Charset charset, byte[] content, RowSink sink) {
        if (format == SheetFormat.XLSX) {
            XlsxSheet.read(content, sink);
        } else {
            CsvSheet.read(content, charset, sink);
        }
    }
}
