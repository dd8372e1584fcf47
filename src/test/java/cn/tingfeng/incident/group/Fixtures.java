package cn.tingfeng.incident.group;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads ../shared: the classify-dev posts and a place set built from the division tables. */
final class Fixtures {

    record DevPost(String id, String title, String text, String grade) {
    }

    private Fixtures() {
    }

    static Path shared() {
        return Path.of(System.getProperty("tingfeng.shared", Path.of("..", "shared").toString()));
    }

    static boolean present() {
        return Files.isRegularFile(shared().resolve("fixtures/classify-dev.jsonl"));
    }

    static List<DevPost> devPosts() {
        ObjectMapper om = new ObjectMapper();
        List<DevPost> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(shared().resolve("fixtures/classify-dev.jsonl"))) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = om.readTree(line);
                JsonNode g = n.path("expect").path("grade");
                out.add(new DevPost(n.get("id").asText(), n.get("title").asText(), n.get("text").asText(),
                        g.isMissingNode() || g.isNull() ? null : g.asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** city → null, county-level unit → city, township/street → county-level unit. */
    static PlaceSet places() {
        Map<String, String> parent = new HashMap<>();
        Map<String, String> cityByCode = new HashMap<>();
        Map<String, String> areaByCode = new HashMap<>();
        Path d = shared().resolve("data/divisions");
        for (String[] r : csv(d.resolve("cities.csv"))) {
            cityByCode.put(r[0], r[1]);
            parent.put(r[1], null);
        }
        for (String[] r : csv(d.resolve("areas.csv"))) {
            areaByCode.put(r[0], r[1]);
            parent.put(r[1], cityByCode.get(r[2]));
        }
        for (String[] r : csv(d.resolve("streets.csv"))) {
            parent.putIfAbsent(r[1], areaByCode.get(r[2]));
        }
        return new PlaceSet(parent, PlaceSet.shortForms(areaByCode.values()));
    }

    private static List<String[]> csv(Path p) {
        try {
            List<String[]> out = new ArrayList<>();
            List<String> lines = Files.readAllLines(p);
            for (String l : lines.subList(1, lines.size())) {
                out.add(l.replace("\"", "").split(","));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
