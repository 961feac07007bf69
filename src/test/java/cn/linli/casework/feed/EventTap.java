package cn.linli.casework.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;

import cn.linli.testing.TestBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An outside system subscribed to every case event, straight at the real broker (not through the test's proxy):
 * a queue of its own bound with {@code case.#} to the exchange under test, collecting what arrives.
 */
final class EventTap implements AutoCloseable {

    /** One delivery as the subscriber sees it. */
    record Received(String routingKey, String messageId, String contentType, Integer deliveryMode, JsonNode body,
            String raw) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Connection connection;
    private final Channel channel;
    private final String exchange;
    final List<Received> received = new CopyOnWriteArrayList<>();

    EventTap(String exchange) throws IOException, TimeoutException {
        this.exchange = exchange;
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(TestBroker.host());
        factory.setPort(TestBroker.port());
        connection = factory.newConnection("linli-test-subscriber");
        channel = connection.createChannel();
        channel.exchangeDeclare(exchange, "topic", true);
        String queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, exchange, "case.#");
        DeliverCallback collect = (tag, delivery) -> {
            String raw = new String(delivery.getBody(), StandardCharsets.UTF_8);
            received.add(new Received(delivery.getEnvelope().getRoutingKey(), delivery.getProperties().getMessageId(),
                    delivery.getProperties().getContentType(), delivery.getProperties().getDeliveryMode(),
                    JSON.readTree(raw), raw));
        };
        channel.basicConsume(queue, true, collect, tag -> { });
    }

    /** What arrived for one case, in the order it arrived. */
    List<Received> of(String caseNumber) {
        return received.stream().filter(r -> caseNumber.equals(r.body().path("caseNumber").asString())).toList();
    }

    @Override
    public void close() throws IOException, TimeoutException {
        try {
            channel.exchangeDelete(exchange);
        } finally {
            connection.close();
        }
    }
}
