package cn.linli.casework.feed;

import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Address;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/**
 * The relay's one connection to RabbitMQ, used by the relay's thread only. A batch is published on a channel in
 * confirm mode and counts as delivered only when the broker has confirmed every message (persistent messages are
 * confirmed once queued durably). Any failure closes the connection; the next batch opens a new one, so the relay
 * needs no automatic recovery of the client's own. A failed connection is aborted, not closed politely: a partitioned
 * broker would never answer the close.
 */
@Component
@ConditionalOnBooleanProperty("linli.events.amqp.enabled")
class Broker {

    /** One message: where it goes and what it carries. */
    record Message(String id, String routingKey, String type, Instant at, byte[] body) {
    }

    private final FeedSettings settings;
    private final ConnectionFactory factory = new ConnectionFactory();
    private Connection connection;
    private Channel channel;

    Broker(FeedSettings settings) {
        this.settings = settings;
        factory.setUsername(settings.username());
        factory.setPassword(settings.password());
        factory.setVirtualHost(settings.virtualHost());
        factory.setAutomaticRecoveryEnabled(false);
        factory.setConnectionTimeout(5_000);
        factory.setHandshakeTimeout(5_000);
        factory.setShutdownTimeout(1_000);
        // A broker that stops answering must not hold the relay (and its database connection) for long.
        factory.setRequestedHeartbeat(10);
        factory.setChannelRpcTimeout((int) settings.confirmTimeout().toMillis());
    }

    /**
     * Opens the connection if it is not open, so that the relay learns the broker is unreachable before it takes a
     * database connection for its batch.
     */
    void connect() throws IOException, TimeoutException {
        try {
            channel();
        } catch (IOException | TimeoutException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Publishes the messages in order and waits for the broker's confirms; throws if any is not confirmed. */
    void publish(List<Message> messages) throws IOException, TimeoutException, InterruptedException {
        try {
            Channel open = channel();
            for (Message m : messages) {
                AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                        .messageId(m.id()).type(m.type()).timestamp(Date.from(m.at()))
                        .contentType("application/json").contentEncoding("UTF-8").deliveryMode(2).appId("linli")
                        .build();
                open.basicPublish(settings.exchange(), m.routingKey(), false, properties, m.body());
            }
            // Not waitForConfirmsOrDie: it closes the channel politely, which waits for a broker that may not answer.
            if (!open.waitForConfirms(settings.confirmTimeout().toMillis())) {
                throw new IOException("the broker refused (nack) a message of the batch");
            }
        } catch (IOException | TimeoutException | RuntimeException | InterruptedException e) {
            close();
            throw e;
        }
    }

    private Channel channel() throws IOException, TimeoutException {
        if (channel != null && channel.isOpen()) return channel;
        close();
        connection = factory.newConnection(Address.parseAddresses(settings.address()), "linli-case-events");
        channel = connection.createChannel();
        channel.exchangeDeclare(settings.exchange(), "topic", true);
        channel.confirmSelect();
        return channel;
    }

    void close() {
        Connection open = connection;
        connection = null;
        channel = null;
        if (open == null) return;
        try {
            open.abort(1_000);
        } catch (RuntimeException ignored) {
            // already gone
        }
    }
}
