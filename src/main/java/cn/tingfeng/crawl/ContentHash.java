package cn.tingfeng.crawl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * SHA-256 of title and body after NFKC normalisation and whitespace removal, so that a re-rendered page
 * with the same text gives the same hash and a changed text gives a new version.
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(String title, String body) {
        String norm = normalise(title) + "\u0000" + normalise(body);
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(norm.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String normalise(String s) {
        if (s == null) {
            return "";
        }
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[\\s\\u00a0\\u3000\\u200b]+", "");
    }
}
