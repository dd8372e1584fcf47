package cn.tingfeng.post;

import cn.tingfeng.shared.text.TextNormalizer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The exact-duplicate and version key of a text: SHA-256 (hex) of its normalised content characters, so that
 * whitespace, punctuation, full-width/half-width, case and traditional/simplified differences do not count, and a
 * re-rendered page with the same text keeps its hash while a changed text gets a new one.
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] d = md.digest(TextNormalizer.contentChars(text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Title and body together (a changed title is a new version too). */
    public static String of(String title, String body) {
        return of((title == null ? "" : title) + "\u0000" + (body == null ? "" : body));
    }
}
