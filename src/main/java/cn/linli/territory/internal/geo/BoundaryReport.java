package cn.linli.territory.internal.geo;

import java.util.List;

/** All findings of one validation run, errors and warnings in the order they were found. */
public record BoundaryReport(List<BoundaryFinding> findings) {

    public BoundaryReport {
        findings = List.copyOf(findings);
    }

    public List<BoundaryFinding> errors() {
        return findings.stream().filter(f -> f.severity() == BoundaryFinding.Severity.ERROR).toList();
    }

    public List<BoundaryFinding> warnings() {
        return findings.stream().filter(f -> f.severity() == BoundaryFinding.Severity.WARNING).toList();
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == BoundaryFinding.Severity.ERROR);
    }

    public boolean isClean() {
        return findings.isEmpty();
    }
}
