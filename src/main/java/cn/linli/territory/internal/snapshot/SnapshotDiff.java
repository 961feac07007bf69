package cn.linli.territory.internal.snapshot;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a snapshot would change: the operations in an applicable order, every match (also those that change
 * nothing, so the reviewer can check them), and the pairs left for the reviewer to decide.
 */
public record SnapshotDiff(List<ProposedOperation> operations, List<UnitMatch> matches,
                           List<ReviewCandidate> reviewCandidates) {

    public SnapshotDiff {
        operations = List.copyOf(operations);
        matches = List.copyOf(matches);
        reviewCandidates = List.copyOf(reviewCandidates);
    }

    /** True when the territory already is what the snapshot lists. */
    public boolean proposesNothing() {
        return operations.isEmpty() && reviewCandidates.isEmpty();
    }

    public Map<MatchRule, Integer> matchCountByRule() {
        Map<MatchRule, Integer> counts = new EnumMap<>(MatchRule.class);
        for (MatchRule rule : MatchRule.values()) {
            counts.put(rule, 0);
        }
        matches.forEach(match -> counts.merge(match.rule(), 1, Integer::sum));
        return counts;
    }

    public Optional<UnitMatch> matchOf(long unitId) {
        return matches.stream().filter(match -> match.unitId() == unitId).findFirst();
    }

    /** The operations on one existing unit, in diff order. */
    public List<ProposedOperation> operationsFor(long unitId) {
        return operations.stream().filter(operation -> Objects.equals(operation.unitId(), unitId)).toList();
    }

    public <T extends ProposedOperation> List<T> operationsOfType(Class<T> type) {
        return operations.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
