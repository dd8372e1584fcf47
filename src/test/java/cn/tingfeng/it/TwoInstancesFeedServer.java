package cn.tingfeng.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The news feeds of {@link TwoInstancesPostgresIT}: a local HTTP server on 127.0.0.1 (a free port) answering JSON feeds
 * in the shape of a data provider's API ({@code {"data":{"items":[{url,title,content,author}]}}}: the full text is in
 * the feed, so no article page is fetched), 404 for anything else (robots.txt too: everything allowed), and the
 * crawlers folder that defines one JSON source per feed for both instances.
 */
final class TwoInstancesFeedServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final Map<String, byte[]> feeds = new ConcurrentHashMap<>();

    TwoInstancesFeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                byte[] body = feeds.get(path);
                if (body == null || !"GET".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.setExecutor(pool);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** One feed item. */
    record Item(String url, String title, String content, String author) {
    }

    /** Serves {@code items} at {@code path} from now on. */
    void serve(String path, List<Item> items) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Item i : items) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("url", i.url());
            row.put("title", i.title());
            row.put("content", i.content());
            row.put("author", i.author());
            rows.add(row);
        }
        feeds.put(path, JSON.writeValueAsBytes(Map.of("data", Map.of("items", rows))));
    }

    /** Writes one JSON source definition per (source id, feed path) into {@code dir} (which it creates, emptied). */
    void writeSources(Path dir, Map<String, String> feedBySource) throws IOException {
        Files.createDirectories(dir);
        try (var old = Files.list(dir)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        for (Map.Entry<String, String> e : feedBySource.entrySet()) {
            String yaml = """
                    # written by TwoInstancesPostgresIT: a local feed, run by hand on one instance
                    id: %s
                    name: 两实例测试 · %s
                    type: json
                    url: %s
                    schedule: 1h
                    enabled: false
                    allowPrivateNetwork: true
                    platform: 新闻网站
                    json:
                      items: /data/items
                      fields: {url: /url, title: /title, body: /content, author: /author}
                    """.formatted(e.getKey(), e.getKey(), url(e.getValue()));
            Files.writeString(dir.resolve(e.getKey() + ".yaml"), yaml, StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
