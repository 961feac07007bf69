package cn.linli.casework.feed;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how case events go to outside systems (decision 0014). Off by default: the demo needs no broker, and
 * while off no transition writes an outbox row.
 *
 * @param enabled        writes the outbox and runs the relay
 * @param address        the broker, {@code host:port} (several, comma-separated, are tried in turn)
 * @param exchange       the durable topic exchange the events go to, with routing keys {@code case.<type>}
 * @param batch          events rows sent and confirmed together
 * @param poll           how often the relay looks for rows when nothing woke it (rows of other instances, retries)
 * @param confirmTimeout how long the relay waits for the broker's confirms before it tries the batch again
 */
@ConfigurationProperties("linli.events.amqp")
public record FeedSettings(@DefaultValue("false") boolean enabled, @DefaultValue("127.0.0.1:5672") String address,
        @DefaultValue("guest") String username, @DefaultValue("guest") String password,
        @DefaultValue("/") String virtualHost, @DefaultValue("linli.case-events") String exchange,
        @DefaultValue("200") int batch, @DefaultValue("PT2S") Duration poll,
        @DefaultValue("PT10S") Duration confirmTimeout) {
}
