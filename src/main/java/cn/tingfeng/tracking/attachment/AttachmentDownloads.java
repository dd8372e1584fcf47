package cn.tingfeng.tracking.attachment;

import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/**
 * How a stored file is answered, for the API and the pages alike: always a download
 * ({@code Content-Disposition: attachment}, the name in ASCII and as RFC 5987 {@code filename*} for Chinese names), with
 * its checked type, {@code X-Content-Type-Options: nosniff} and a CSP sandbox — never shown inline as a page.
 */
public final class AttachmentDownloads {
    private AttachmentDownloads() {
    }

    public static Response of(AttachmentService.Download d) {
        return Response.ok(d.file().toFile())
                .header("Content-Type", d.kind().mediaType())
                .header("Content-Disposition", disposition(d.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Cache-Control", "private, no-store")
                .header("ETag", "\"" + d.sha256() + "\"")
                .build();
    }

    /** {@code attachment; filename="_.pdf"; filename*=UTF-8''%E5%9B%9E%E5%BA%94.pdf} */
    static String disposition(String name) {
        StringBuilder ascii = new StringBuilder();
        for (char c : name.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != ';' && c != '%' ? c : '_');
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + rfc5987(name);
    }

    static String rfc5987(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
