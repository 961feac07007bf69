package cn.linli.knowledge;

/**
 * A search result: the entry, its question and a passage of its answer with the matched words marked. Both HTML
 * strings are escaped text with {@code <mark>} around the matches and nothing else, so pages may show them as HTML.
 */
public record KnowledgeHit(KnowledgeEntry entry, String questionHtml, String snippetHtml, float score) {
}
