package cn.linli.territory.internal.snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one CSV line (RFC 4180 quoting within a line). Official code lists never break a field over
 * several lines, so a quote left open at the end of the line is reported rather than continued on the next.
 */
record CsvLine(List<String> fields, boolean quoteLeftOpen) {

    static CsvLine split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return new CsvLine(List.copyOf(fields), quoted);
    }
}
