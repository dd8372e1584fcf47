package cn.tingfeng.crawl.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The crawlers folder of the {@code @QuarkusTest}s ({@code %test.tingfeng.crawlers.dir}): each test writes its own
 * uniquely named definitions and removes them afterwards (the database is shared by all tests of one run).
 */
public final class CrawlersFolder implements AutoCloseable {
    public static final Path DIR = Path.of("target/test-crawlers");
    private final List<Path> written = new ArrayList<>();

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Path write(String fileName, String yaml) {
        try {
            Files.createDirectories(DIR);
            Path f = DIR.resolve(fileName);
            Files.writeString(f, yaml);
            if (!written.contains(f)) {
                written.add(f);
            }
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String fileName) {
        try {
            Files.deleteIfExists(DIR.resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (Path f : written) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }
}
