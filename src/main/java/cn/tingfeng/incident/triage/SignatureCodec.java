package cn.tingfeng.incident.triage;

import cn.tingfeng.incident.group.IncidentSignature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An incident's grouping signature as compact JSON (weights as floats, times as epoch seconds). */
final class SignatureCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Stored(Map<String, Float> w, Map<String, Float> b, List<String> p, List<String> e, List<String> ev, long f,
            long l, int n) {
    }

    private SignatureCodec() {
    }

    static String encode(IncidentSignature s) {
        try {
            return JSON.writeValueAsString(new Stored(floats(s.words()), floats(s.bigrams()), List.copyOf(s.places()),
                    List.copyOf(s.entities()), List.copyOf(s.events()), s.firstSeen().getEpochSecond(),
                    s.lastSeen().getEpochSecond(), s.postCount()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static IncidentSignature decode(String incidentId, String json) {
        try {
            Stored s = JSON.readValue(json, Stored.class);
            return new IncidentSignature(incidentId, doubles(s.w()), doubles(s.b()), Set.copyOf(s.p()), Set.copyOf(s.e()),
                    Set.copyOf(s.ev()), Instant.ofEpochSecond(s.f()), Instant.ofEpochSecond(s.l()), s.n());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable grouping signature of incident " + incidentId, e);
        }
    }

    private static Map<String, Float> floats(Map<String, Double> m) {
        Map<String, Float> out = new HashMap<>(m.size() * 2);
        m.forEach((k, v) -> out.put(k, v.floatValue()));
        return out;
    }

    private static Map<String, Double> doubles(Map<String, Float> m) {
        Map<String, Double> out = new HashMap<>(m.size() * 2);
        m.forEach((k, v) -> out.put(k, v.doubleValue()));
        return out;
    }
}
