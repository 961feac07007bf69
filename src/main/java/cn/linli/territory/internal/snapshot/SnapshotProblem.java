package cn.linli.territory.internal.snapshot;

import java.util.List;
import java.util.Arrays;

/**
 * Why a line of a snapshot file was refused. {@code line} is the 1-based physical line (the header is line 1);
 * {@code field} is the column concerned, or {@code null} for the file as a whole. The text is looked up by
 * {@code messageKey} in {@code i18n/snapshot*.properties} with {@code arguments} as MessageFormat arguments;
 * the arguments are strings so that codes and line numbers are not formatted as grouped numbers.
 */
public record SnapshotProblem(int line, String field, String messageKey, List<String> arguments) {

    public SnapshotProblem {
        arguments = List.copyOf(arguments);
    }

    static SnapshotProblem of(int line, String field, String messageKey, Object... arguments) {
        return new SnapshotProblem(line, field, messageKey,
                Arrays.stream(arguments).map(String::valueOf).toList());
    }
}
