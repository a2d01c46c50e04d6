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
 * A TCP forwarder between the application and its database that a test can cut, as a network failure would: every
 * open connection is closed and new ones are dropped at once, until {@link #restore()}.
 */
public final class TcpProxy implements AutoCloseable {

    private static final Pattern JDBC = Pattern.compile("^(jdbc:postgresql://)([^/:?]+)(?::(\\d+))?(/.*)$");

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean open = true;

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
        open = false;
        sockets.forEach(TcpProxy::closeQuietly);
    }

    public synchronized void restore() {
        open = true;
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
            try {
                Socket upstream = new Socket(targetHost, targetPort);
                if (!register(client, upstream)) {
                    closeQuietly(client);
                    closeQuietly(upstream);
                    continue;
                }
                daemon(() -> pump(client, upstream), "tcp-proxy-up");
                daemon(() -> pump(upstream, client), "tcp-proxy-down");
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    /** False while cut; atomic with {@link #cut()}, so that no connection slips through. */
    private synchronized boolean register(Socket client, Socket upstream) {
        if (!open) {
            return false;
        }
        sockets.add(client);
        sockets.add(upstream);
        return true;
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
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
