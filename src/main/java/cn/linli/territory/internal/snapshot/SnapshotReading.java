package cn.linli.territory.internal.snapshot;

import java.util.List;

/** The outcome of reading a snapshot file: every row, or every problem, never a part of the rows. */
public sealed interface SnapshotReading permits SnapshotReading.Accepted, SnapshotReading.Rejected {

    record Accepted(List<SnapshotRow> rows) implements SnapshotReading {
        public Accepted {
            rows = List.copyOf(rows);
        }
    }

    record Rejected(List<SnapshotProblem> problems) implements SnapshotReading {
        public Rejected {
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a rejected snapshot needs at least one problem");
            }
            problems = List.copyOf(problems);
        }
    }
}
