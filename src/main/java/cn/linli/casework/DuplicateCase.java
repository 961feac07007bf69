package cn.linli.casework;

/** An open case that may be about the same matter as a new request: same category, near it, recent. */
public record DuplicateCase(CaseSummary summary, double distanceMetres) {
}
