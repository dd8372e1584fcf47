package cn.tingfeng.post.dedup;

import org.jsoup.Jsoup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Crude text of the real fixture pages (jsoup {@code .text()}), for de-duplication tests. */
final class Pages {

    private Pages() {
    }

    static Path shared() {
        return Path.of(System.getProperty("tingfeng.shared", Path.of("..", "shared").toString()));
    }

    static boolean present() {
        return Files.isDirectory(shared().resolve("fixtures/pages"));
    }

    /** Article pages only: the list pages of gne/test_list_page are snapshots of the same lists. */
    static List<String> articleTexts() {
        Path root = shared().resolve("fixtures/pages");
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".html") && !f.toString().contains("test_list_page")).sorted().toList()) {
                out.add(Jsoup.parse(p.toFile(), null).text());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
