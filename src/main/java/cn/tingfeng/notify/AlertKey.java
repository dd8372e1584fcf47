package cn.tingfeng.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The once-only key of an alert on a route: the same alert (kind, incident, grade for a regrade, episode)
 * on the same route always gives the same key. A service stores sent keys under a unique constraint.
 */
public final class AlertKey {

    private AlertKey() {
    }

    public static String of(Alert a, String routeId) {
        String grade = a.kind() == Alert.Kind.REGRADE_UP && a.grade() != null ? a.grade().name() : "";
        String material = String.join("\u001f", routeId, a.kind().name(), nz(a.incidentId()), grade, nz(a.episode()));
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
