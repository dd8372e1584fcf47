package cn.tingfeng.post.dedup;

import cn.tingfeng.watch.TextNormalizer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Exact-duplicate key of a text: SHA-256 (hex) of its normalised content characters, so whitespace,
 * punctuation, full-width/half-width, case and traditional/simplified differences do not count.
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] d = md.digest(TextNormalizer.contentChars(text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
