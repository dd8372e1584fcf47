package cn.tingfeng.crawl.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** An HTTP server on 127.0.0.1 with an ephemeral port, for tests. */
public final class LocalServer implements AutoCloseable {
    private final HttpServer server;
    private final String address;

    public LocalServer() throws IOException {
        this("127.0.0.1", 0);
    }

    /** On another loopback address (127.0.0.2 …) and/or a given port (0: ephemeral). */
    public LocalServer(String address, int port) throws IOException {
        this.address = address;
        server = HttpServer.create(new InetSocketAddress(address, port), 64);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public LocalServer on(String path, HttpHandler h) {
        server.createContext(path, h);
        return this;
    }

    public URI uri(String path) {
        return URI.create("http://" + address + ":" + server.getAddress().getPort() + path);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    public static void send(HttpExchange ex, int status, String contentType, String body, Charset cs) throws IOException {
        send(ex, status, contentType, body.getBytes(cs));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
