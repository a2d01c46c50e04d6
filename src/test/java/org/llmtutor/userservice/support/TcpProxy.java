package org.llmtutor.userservice.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP forwarder between the application and its database that a test can break the two ways a network does.
 * {@link #cut()}: every open connection is closed and new ones are dropped at once (connection refused or reset).
 * {@link #blackHole()}: connections stay open and new ones are accepted, but nothing gets through in either direction,
 * as when packets are silently dropped. {@link #restore()} ends either; after a black hole, what was held back flows on,
 * as TCP would deliver it once the network heals.
 */
public final class TcpProxy implements AutoCloseable {

    private static final Pattern JDBC = Pattern.compile("^(jdbc:postgresql://)([^/:?]+)(?::(\\d+))?(/.*)$");

    private enum Mode {
        OPEN,
        CUT,
        BLACK_HOLE
    }

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private Mode mode = Mode.OPEN;

    private TcpProxy(String targetHost, int targetPort) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        daemon(this::acceptLoop, "tcp-proxy-accept");
    }

    /** A proxy to the server of the given PostgreSQL JDBC URL. */
    public static TcpProxy forJdbcUrl(String jdbcUrl) {
        Matcher m = matcher(jdbcUrl);
        try {
            return new TcpProxy(m.group(2), m.group(3) == null ? 5432 : Integer.parseInt(m.group(3)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same JDBC URL, leading through this proxy. */
    public String jdbcUrl(String jdbcUrl) {
        Matcher m = matcher(jdbcUrl);
        return m.group(1) + "127.0.0.1:" + server.getLocalPort() + m.group(4);
    }

    public synchronized void cut() {
        mode = Mode.CUT;
        sockets.forEach(TcpProxy::closeQuietly);
        notifyAll();
    }

    public synchronized void blackHole() {
        mode = Mode.BLACK_HOLE;
    }

    public synchronized void restore() {
        mode = Mode.OPEN;
        notifyAll();
    }

    @Override
    public void close() {
        cut();
        closeQuietly(server);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            // Connecting upstream waits out a black hole, so it runs off the accept thread.
            daemon(() -> connect(client), "tcp-proxy-connect");
        }
    }

    private void connect(Socket client) {
        if (!awaitFlowing(client)) {
            closeQuietly(client);
            return;
        }
        try {
            Socket upstream = new Socket(targetHost, targetPort);
            if (!register(client, upstream)) {
                closeQuietly(client);
                closeQuietly(upstream);
                return;
            }
            daemon(() -> pump(client, upstream), "tcp-proxy-up");
            daemon(() -> pump(upstream, client), "tcp-proxy-down");
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    /** False while cut; atomic with {@link #cut()}, so that no connection slips through. */
    private synchronized boolean register(Socket client, Socket upstream) {
        if (mode == Mode.CUT) {
            return false;
        }
        sockets.add(client);
        sockets.add(upstream);
        return true;
    }

    /** Holds the caller while the proxy is a black hole; false when it is cut (or the socket went away). */
    private synchronized boolean awaitFlowing(Socket socket) {
        while (mode == Mode.BLACK_HOLE && !socket.isClosed()) {
            try {
                wait(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return mode == Mode.OPEN && !socket.isClosed();
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (!awaitFlowing(to)) {
                    break;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // One side went away: end both.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private static Matcher matcher(String jdbcUrl) {
        Matcher m = JDBC.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a single-host PostgreSQL JDBC URL: " + jdbcUrl);
        }
        return m;
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Already closed.
        }
    }
}
