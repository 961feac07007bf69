package cn.linli.territory.internal.snapshot;

import java.util.List;

/** Reviewer pairings that cannot hold; no diff is proposed until all are corrected. */
public class InvalidPairingsException extends IllegalArgumentException {

    private final transient List<PairingProblem> problems;

    public InvalidPairingsException(List<PairingProblem> problems) {
        super(problems.size() + " invalid reviewer pairing(s): " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<PairingProblem> problems() {
        return problems;
    }
}
