package cn.linli.casework.feed;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The outbox table and the relay's lock. */
@Component
class FeedStore {

    private static final Logger log = LoggerFactory.getLogger(FeedStore.class);
    private static final TypeReference<List<FeedEvent>> EVENTS = new TypeReference<>() { };

    /** A row waiting for the broker: the case as its transition left it and the transition's events. */
    record Pending(long id, long caseId, String caseNumber, String categoryCode, String caseState, Long mainUnit,
            boolean confidential, List<FeedEvent> events) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FeedStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * One row for a case's events of this transaction. The case's facts are copied from its row in the same
     * statement (the transaction has just updated it and holds its lock), so the transition gains one insert and no
     * read.
     */
    void append(long caseId, List<FeedEvent> events) {
        int written = jdbc.sql("""
                insert into casework_feed_outbox (case_id, case_number, category_code, case_state, main_unit, confidential, events)
                select id, number, category_code, state, main_unit, confidential, :events from casework_case where id = :case""")
                .param("events", json.writeValueAsString(events)).param("case", caseId)
                .update();
        // Events come from a saved history, so the case row exists; should it not, say so rather than drop them unseen.
        if (written == 0) log.warn("case events: case {} not found, its {} events are not published", caseId, events.size());
    }

    /**
     * Takes the relay's lock for the transaction, or answers false at once when another instance holds it: one
     * relay at a time in the cluster, so rows leave in the order of their ids.
     */
    boolean lockRelay() {
        return jdbc.sql("select id from casework_feed_relay where id = 1 for update skip locked")
                .query(Integer.class).optional().isPresent();
    }

    /** The oldest rows, in order. */
    List<Pending> oldest(int limit) {
        return jdbc.sql("""
                select id, case_id, case_number, category_code, case_state, main_unit, confidential, events
                from casework_feed_outbox order by id limit :limit""")
                .param("limit", limit)
                .query((rs, n) -> new Pending(rs.getLong("id"), rs.getLong("case_id"), rs.getString("case_number"),
                        rs.getString("category_code"), rs.getString("case_state"), rs.getObject("main_unit", Long.class),
                        rs.getBoolean("confidential"), json.readValue(rs.getString("events"), EVENTS)))
                .list();
    }

    /** Deletes exactly the rows sent (a row with a lower id may have committed since they were read). */
    void delete(List<Long> ids) {
        if (ids.isEmpty()) return;
        jdbc.sql("delete from casework_feed_outbox where id in (:ids)").param("ids", ids).update();
    }

    long waiting() {
        return jdbc.sql("select count(*) from casework_feed_outbox").query(Long.class).single();
    }
}
