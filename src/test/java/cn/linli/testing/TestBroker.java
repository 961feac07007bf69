package cn.linli.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** The RabbitMQ the broker tests use: {@code LINLI_TEST_AMQP_HOST} and {@code _PORT}, by default 127.0.0.1:5672 (guest). */
public final class TestBroker {

    private TestBroker() {
    }

    public static String host() {
        return System.getenv().getOrDefault("LINLI_TEST_AMQP_HOST", "127.0.0.1");
    }

    public static int port() {
        return Integer.parseInt(System.getenv().getOrDefault("LINLI_TEST_AMQP_PORT", "5672"));
    }

    public static String address() {
        return host() + ":" + port();
    }

    /** Returns null when something accepts connections at the broker's address, else why not. */
    static String unavailableReason() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host(), port()), 2_000);
            return null;
        } catch (IOException e) {
            return "RabbitMQ not reachable at " + address() + " (" + e.getMessage() + ")";
        }
    }
}
