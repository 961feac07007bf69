package cn.linli.testing;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.linli.cluster.ClusterSignals;

/**
 * Plays another Linli instance on the same database: sends a cluster signal the way that instance would (the NOTIFY
 * payload on PostgreSQL, the counter row on H2) with a foreign instance id, so this instance must not take it for its
 * own. Call it inside the transaction that writes the other instance's change.
 */
public final class OtherInstance {

    private OtherInstance() {
    }

    public static void signal(JdbcClient jdbc, ClusterSignals signals, String channel) {
        if (!signals.getClass().getSimpleName().startsWith("Postgresql")) {
            int updated = jdbc.sql("update cluster_signal set counter = counter + 1, sent_by = 'elsewhere' where channel = :channel")
                    .param("channel", channel).update();
            if (updated == 0) {
                jdbc.sql("insert into cluster_signal (channel, counter, sent_by) values (:channel, 1, 'elsewhere')")
                        .param("channel", channel).update();
            }
        } else {
            String schema = jdbc.sql("select current_schema()").query(String.class).single();
            jdbc.sql("select pg_notify('linli_signal', :payload)").param("payload", schema + "/" + channel + "/elsewhere")
                    .query().singleRow();
        }
    }
}
