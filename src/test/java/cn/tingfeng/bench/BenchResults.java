package cn.tingfeng.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The figures of the benchmarks as JSON, under stable dotted names ({@code ingest.postsPerSecond.h2},
 * {@code match.postsPerSecond.plans100} …): each benchmark writes {@code target/bench/<name>.json} and merges its
 * figures into {@code target/bench/results.json} under a file lock (two benchmark JVMs may write at once).
 * {@code bench/run} prints the table from results.json. The folder is {@code -Dbench.dir} when set.
 *
 * <p>The benchmarks' own system properties are named {@code bench.*}, never {@code tingfeng.*}: Quarkus refuses to
 * start when a {@code tingfeng.*} property maps to no configuration key.
 */
public final class BenchResults {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchResults() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("bench.dir", "target/bench"));
    }

    /** Writes {@code <name>.json} (merged with what that file already holds) and merges into results.json. */
    public static synchronized void write(String name, Map<String, ? extends Number> figures) {
        Map<String, Number> sorted = new TreeMap<>();
        figures.forEach((k, v) -> {
            if (v != null && !(v instanceof Double d && (d.isNaN() || d.isInfinite()))) {
                sorted.put(k, round(v));
            }
        });
        try {
            Files.createDirectories(dir());
            merge(dir().resolve(name + ".json"), sorted);
            merge(dir().resolve("results.json"), sorted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf("[bench] %s → %s: %s%n", name, dir().resolve("results.json"), sorted);
    }

    /** A figure already written (by an earlier benchmark of this run), or null. */
    public static Double read(String key) {
        Path f = dir().resolve("results.json");
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(Files.readString(f, StandardCharsets.UTF_8)).get(key);
            return n == null || !n.isNumber() ? null : n.asDouble();
        } catch (IOException e) {
            return null;
        }
    }

    /** "h2" or "postgres", from the connection the application uses. */
    public static String db(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase();
            return product.contains("postgres") ? "postgres" : product.contains("h2") ? "h2" : product.replaceAll("[^a-z0-9]", "");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void merge(Path file, Map<String, Number> figures) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = ch.lock()) {
            ByteBuffer buf = ByteBuffer.allocate((int) ch.size());
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // read all
            }
            String text = new String(buf.array(), StandardCharsets.UTF_8).strip();
            ObjectNode all;
            try {
                all = text.isEmpty() ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(text);
            } catch (IOException | ClassCastException e) {
                all = JSON.createObjectNode();
            }
            Map<String, JsonNode> merged = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                merged.put(e.getKey(), e.getValue());
            }
            figures.forEach((k, v) -> merged.put(k, JSON.valueToTree(v)));
            ObjectNode out = JSON.createObjectNode();
            merged.forEach(out::set);
            byte[] bytes = (JSON.writeValueAsString(out) + "\n").getBytes(StandardCharsets.UTF_8);
            ch.truncate(0);
            ch.position(0);
            ch.write(ByteBuffer.wrap(bytes));
            ch.force(true);
        }
    }

    private static Number round(Number v) {
        if (v instanceof Double || v instanceof Float) {
            double d = v.doubleValue();
            double a = Math.abs(d);
            int digits = a >= 1000 ? 1 : a >= 1 ? 3 : 5;
            return java.math.BigDecimal.valueOf(d).setScale(digits, java.math.RoundingMode.HALF_UP).doubleValue();
        }
        return v;
    }
}
