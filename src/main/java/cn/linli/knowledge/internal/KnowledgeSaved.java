package cn.linli.knowledge.internal;

/**
 * An entry (or, with {@code entryId} null, the synonym list) was written in the current transaction; this instance's
 * index follows once it commits.
 */
public record KnowledgeSaved(Long entryId) {
}
