package cn.linli.territory.internal.snapshot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads an official division-code list (CSV: code,name,level,parent_code[,urban_rural_code,...], UTF-8 with or
 * without byte-order mark). The whole file is checked before anything is returned, so a reviewer sees every
 * mistake at once and a half-read list can never be compared with the territory.
 */
public final class SnapshotFile {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private SnapshotFile() {
    }

    /** Reads and checks the stream; the caller closes it. I/O failures other than bad UTF-8 are rethrown unchecked. */
    public static SnapshotReading read(InputStream in) {
        List<String> lines = new ArrayList<>();
        try {
            decodeLines(in, lines);
        } catch (CharacterCodingException e) {
            return new SnapshotReading.Rejected(List.of(
                    SnapshotProblem.of(lines.size() + 1, null, "snapshot.file.encoding", lines.size() + 1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return check(lines);
    }

    private static void decodeLines(InputStream in, List<String> lines) throws IOException {
        // A strict decoder: a list saved as GBK must be refused, not read as replacement characters.
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines.add(lines.isEmpty() && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK ? line.substring(1) : line);
        }
    }

    private static SnapshotReading check(List<String> lines) {
        List<SnapshotProblem> problems = new ArrayList<>();
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            problems.add(SnapshotProblem.of(1, null, "snapshot.file.empty"));
            return new SnapshotReading.Rejected(problems);
        }
        SnapshotHeader header = SnapshotHeader.of(CsvLine.split(lines.get(0)));
        for (String column : header.missingColumns()) {
            problems.add(SnapshotProblem.of(1, column, "snapshot.header.missing-column", column));
        }
        if (!problems.isEmpty()) {
            return new SnapshotReading.Rejected(problems);
        }
        DataLineParser parser = new DataLineParser(header, problems);
        List<ParsedLine> parsed = new ArrayList<>();
        for (int index = 1; index < lines.size(); index++) {
            if (!lines.get(index).isBlank()) {
                parser.parse(index + 1, CsvLine.split(lines.get(index))).ifPresent(parsed::add);
            }
        }
        new SnapshotTreeChecks(problems).check(parsed);
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(SnapshotProblem::line));
            return new SnapshotReading.Rejected(problems);
        }
        return new SnapshotReading.Accepted(parsed.stream().map(ParsedLine::toRow).toList());
    }
}
