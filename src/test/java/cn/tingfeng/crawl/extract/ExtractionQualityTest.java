package cn.tingfeng.crawl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Extraction quality on the real pages of ../shared/fixtures/pages (labels from the datasets). */
class ExtractionQualityTest {

    static Path pages;
    static final ArticleExtractor EXTRACTOR = new ArticleExtractor(Clock.fixed(
            LocalDateTime.of(2026, 1, 1, 0, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("Asia/Shanghai")));
    static final boolean VERBOSE = Boolean.getBoolean("tingfeng.verbose");

    @BeforeAll
    static void locate() {
        Path shared = Path.of(System.getProperty("tingfeng.shared", Path.of("..", "shared").toString()));
        pages = shared.resolve("fixtures/pages");
        Assumptions.assumeTrue(Files.isDirectory(pages.resolve("cwced/original")), "../shared not present: skipping fixture test");
    }

    static List<String> cwcedIds() throws IOException {
        try (Stream<Path> s = Files.list(pages.resolve("cwced/original"))) {
            return s.map(p -> p.getFileName().toString().replace(".html", "")).sorted().collect(Collectors.toList());
        }
    }

    static ExtractedArticle extractCwced(String id) throws IOException {
        byte[] html = Files.readAllBytes(pages.resolve("cwced/original/" + id + ".html"));
        return EXTRACTOR.extract(html, null, "http://example.test/" + id + ".html");
    }

    @Test
    void bodyCharacterF1OnCwcedPagesIsAtLeastNinetyPercent() throws IOException {
        double sum = 0;
        int n = 0;
        for (String id : cwcedIds()) {
            String label = Files.readString(pages.resolve("cwced/cleaned/" + id + ".txt"), StandardCharsets.UTF_8);
            ExtractedArticle a = extractCwced(id);
            double f1 = charF1(a.body(), label);
            if (VERBOSE) {
                System.out.printf("%s F1=%.3f pred=%d label=%d%n", id, f1, strip(a.body()).length(), strip(label).length());
            }
            sum += f1;
            n++;
        }
        double mean = sum / n;
        System.out.printf("CWCED body character-F1: mean %.4f over %d pages%n", mean, n);
        assertThat(mean).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void publishDateIsRightOnNinetyPercentOfLabelledPages() throws IOException {
        int right = 0;
        int total = 0;
        for (String id : cwcedIds()) {
            String label = Files.readString(pages.resolve("cwced/date/" + id + ".txt"), StandardCharsets.UTF_8).strip();
            if (label.isEmpty() || label.equals("UNKNOWN")) {
                continue;
            }
            ExtractedArticle a = extractCwced(id);
            boolean ok = dateMatches(a.publishedDate(), label);
            if (VERBOSE && !ok) {
                System.out.printf("date miss %s: label %s got %s%n", id, label, a.publishedAtIso());
            }
            right += ok ? 1 : 0;
            total++;
        }
        JsonNode ref = new ObjectMapper().readTree(pages.resolve("gne/reference-output.json").toFile());
        for (Map.Entry<String, JsonNode> e : iterable(ref)) {
            String label = e.getValue().path("publish_time").asText("");
            if (!label.matches("(?s).*(19|20)\\d\\d.*")) {
                continue; // the reference has no year (Readhub): not a label
            }
            ExtractedArticle a = EXTRACTOR.extract(Files.readAllBytes(pages.resolve("gne/" + e.getKey())), null, "http://example.test/");
            boolean ok = dateMatches(a.publishedDate(), label);
            if (VERBOSE && !ok) {
                System.out.printf("date miss %s: label %s got %s%n", e.getKey(), label, a.publishedAtIso());
            }
            right += ok ? 1 : 0;
            total++;
        }
        double rate = (double) right / total;
        System.out.printf("Publish date right: %d/%d = %.3f%n", right, total, rate);
        assertThat(rate).isGreaterThanOrEqualTo(0.90);
    }

    /** Printed, not enforced: author or source right on the CWCED pages whose label names one. */
    @Test
    void authorFigureOnCwcedPages() throws IOException {
        int right = 0;
        int total = 0;
        for (String id : cwcedIds()) {
            String label = Files.readString(pages.resolve("cwced/author/" + id + ".txt"), StandardCharsets.UTF_8).strip();
            if (label.isEmpty() || label.equals("UNKNOWN")) {
                continue;
            }
            String got = extractCwced(id).author();
            boolean ok = got != null && java.util.Arrays.stream(label.split("\\s+")).anyMatch(got::contains);
            if (VERBOSE && !ok) {
                System.out.printf("author miss %s: label %s got %s%n", id, label, got);
            }
            right += ok ? 1 : 0;
            total++;
        }
        System.out.printf("CWCED author right: %d/%d = %.3f%n", right, total, (double) right / total);
    }

    @Test
    void titleMatchesReferenceOnGneArticlePages() throws IOException {
        JsonNode ref = new ObjectMapper().readTree(pages.resolve("gne/reference-output.json").toFile());
        int right = 0;
        int total = 0;
        for (Map.Entry<String, JsonNode> e : iterable(ref)) {
            String expected = e.getValue().path("title").asText();
            ExtractedArticle a = EXTRACTOR.extract(Files.readAllBytes(pages.resolve("gne/" + e.getKey())), null, "http://example.test/");
            boolean ok = a.title() != null && strip(a.title()).equals(strip(expected));
            if (VERBOSE && !ok) {
                System.out.printf("title miss %s: expected %s got %s%n", e.getKey(), expected, a.title());
            }
            if (VERBOSE) {
                System.out.printf("gne %s F1=%.3f author=%s/%s%n", e.getKey(), charF1(a.body(), e.getValue().path("content").asText()),
                        a.author(), e.getValue().path("author").asText());
            }
            right += ok ? 1 : 0;
            total++;
        }
        System.out.printf("GNE titles right: %d/%d%n", right, total);
        assertThat(right).isEqualTo(total);
    }

    static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode n) {
        return n::fields;
    }

    /** True when every component the label gives (year, month, day) equals the extracted date. */
    static boolean dateMatches(LocalDate got, String label) {
        if (got == null) {
            return false;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})(?:\\D+(\\d{1,2}))?(?:\\D+(\\d{1,2}))?").matcher(label);
        if (!m.find()) {
            return false;
        }
        if (Integer.parseInt(m.group(1)) != got.getYear()) {
            return false;
        }
        if (m.group(2) != null && Integer.parseInt(m.group(2)) != got.getMonthValue()) {
            return false;
        }
        return m.group(3) == null || Integer.parseInt(m.group(3)) == got.getDayOfMonth();
    }

    static String strip(String s) {
        return s.replaceAll("[\\s\\u00a0\\u3000]+", "");
    }

    /** Character-level F1 of two texts (multisets of characters, whitespace removed). */
    static double charF1(String predicted, String label) {
        String p = strip(predicted);
        String l = strip(label);
        if (p.isEmpty() || l.isEmpty()) {
            return p.isEmpty() && l.isEmpty() ? 1 : 0;
        }
        Map<Integer, Integer> counts = new HashMap<>();
        l.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        int common = 0;
        for (int c : p.codePoints().toArray()) {
            Integer k = counts.get(c);
            if (k != null && k > 0) {
                common++;
                counts.put(c, k - 1);
            }
        }
        double precision = (double) common / p.codePointCount(0, p.length());
        double recall = (double) common / l.codePointCount(0, l.length());
        return common == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
