package cn.linli.casework.feed;

import java.time.Instant;
import java.util.UUID;

import cn.linli.casework.CaseChanged;
import cn.linli.casework.SlaBreached;

/**
 * One event as the outbox keeps it until the broker has it: what the transition's history line (or breach) says,
 * with the id that goes out with it, fixed at the transition so every retry repeats it. Times are ISO-8601 text.
 */
record FeedEvent(String id, String type, String fromState, String toState, Long unit, String at, String stage,
        String deadline) {

    /** The type of an SLA breach; every other type is a history action in lower case. */
    static final String BREACHED = "breached";

    static FeedEvent of(CaseChanged changed) {
        return new FeedEvent(UUID.randomUUID().toString(), changed.action().name().toLowerCase(java.util.Locale.ROOT),
                name(changed.from()), name(changed.to()), changed.unitId(), changed.at().toString(), null, null);
    }

    static FeedEvent of(SlaBreached breached, Instant at) {
        return new FeedEvent(UUID.randomUUID().toString(), BREACHED, null, null, breached.unitId(), at.toString(),
                breached.stage() == null ? null : breached.stage().name(),
                breached.deadline() == null ? null : breached.deadline().toString());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
