package cn.linli.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback that can cut a connection and restore it, to play an outage of the service behind it (the
 * database) without touching that service, which other tests and agents share. {@link #cut()} resets every open
 * connection and refuses new ones (the port is closed, so a connect fails at once, as when the server is down);
 * {@link #restore()} opens the same port again. {@link #stall()} plays a partition instead: connections stay open but
 * every byte is swallowed, in both directions, until {@link #restore()}.
 * <p>
 * From a script: {@code java -cp target/test-classes cn.linli.testing.TcpProxy 15432 127.0.0.1 5432}, then type
 * {@code cut} or {@code restore} on its standard input ({@code quit} or end of input stops it).
 */
public final class TcpProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile int port;
    private volatile ServerSocket server;
    private volatile boolean stalled;

    private TcpProxy(InetSocketAddress target) {
        this.target = target;
    }

    /** Starts forwarding from a free loopback port (or {@code port}, if not 0) to the target. */
    public static TcpProxy start(int port, String targetHost, int targetPort) throws IOException {
        TcpProxy proxy = new TcpProxy(new InetSocketAddress(targetHost, targetPort));
        proxy.listen(port);
        return proxy;
    }

    public int port() {
        return port;
    }

    /** The proxy's address as {@code host:port}, for a setting that takes one. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    public boolean isCut() {
        return server == null;
    }

    /** Resets every connection through the proxy and refuses new ones until {@link #restore()}. */
    public synchronized void cut() throws IOException {
        if (server == null) return;
        server.close();
        server = null;
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    /** Swallows whatever is sent through the proxy, in both directions, until {@link #restore()}. */
    public void stall() {
        stalled = true;
    }

    /** Accepts connections again, on the same port, and passes bytes on again after a stall. */
    public synchronized void restore() throws IOException {
        stalled = false;
        if (server == null) listen(port);
    }

    @Override
    public void close() throws IOException {
        cut();
    }

    private synchronized void listen(int wanted) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted));
        port = socket.getLocalPort();
        server = socket;
        daemon(() -> accept(socket), "tcp-proxy-accept-" + port).start();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket upstream = new Socket();
                upstream.connect(target, 5000);
                open.add(client);
                open.add(upstream);
                if (socket.isClosed()) {
                    closeQuietly(client);
                    closeQuietly(upstream);
                    return;
                }
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                // closed by cut(), or the target refused: the client's connection ends, as it would without a proxy
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        daemon(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (stalled) continue;
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed or was reset
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-pipe").start();
    }

    /** Closing with linger 0 sends a reset, as a crashed server or a cut cable leaves the client. */
    private static void closeQuietly(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            // already closed
        }
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: TcpProxy LISTEN_PORT TARGET_HOST TARGET_PORT  (then cut | restore | quit on stdin)");
            System.exit(2);
        }
        try (TcpProxy proxy = start(Integer.parseInt(args[0]), args[1], Integer.parseInt(args[2]))) {
            System.out.println("proxy 127.0.0.1:" + proxy.port() + " -> " + args[1] + ":" + args[2]);
            var commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = commands.readLine(); line != null && !"quit".equals(line.trim()); line = commands.readLine()) {
                if ("cut".equals(line.trim())) proxy.cut();
                else if ("restore".equals(line.trim())) proxy.restore();
                else continue;
                System.out.println(proxy.isCut() ? "cut" : "restored");
            }
        }
    }
}
