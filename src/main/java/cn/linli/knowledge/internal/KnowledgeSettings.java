package cn.linli.knowledge.internal;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code linli.knowledge.*}: how long an entry may go unreviewed before it is flagged as stale, and how many answers
 * a search returns at most.
 */
@ConfigurationProperties("linli.knowledge")
public record KnowledgeSettings(Period reviewAfter, Integer maxResults) {

    public KnowledgeSettings {
        reviewAfter = reviewAfter == null ? Period.ofYears(1) : reviewAfter;
        maxResults = maxResults == null ? 20 : maxResults;
        if (reviewAfter.isNegative() || reviewAfter.isZero()) {
            throw new IllegalArgumentException("linli.knowledge.review-after must be positive: " + reviewAfter);
        }
        if (maxResults < 1 || maxResults > 200) {
            throw new IllegalArgumentException("linli.knowledge.max-results must be between 1 and 200: " + maxResults);
        }
    }
}
