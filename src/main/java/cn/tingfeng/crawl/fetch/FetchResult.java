package cn.tingfeng.crawl.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;

/**
 * What a fetch produced. {@code body} is decoded from Content-Encoding (not from its charset);
 * {@link #text()} decodes the charset with {@link CharsetDetector}.
 *
 * @param status  last HTTP status, 0 when no response
 * @param message reason in Chinese when the fetch failed
 */
public record FetchResult(URI requestedUrl, URI finalUrl, FetchOutcome outcome, int status, byte[] body,
                          String contentType, String etag, String lastModified, int attempts, Instant fetchedAt,
                          Duration elapsed, String message) {

    public boolean ok() {
        return outcome == FetchOutcome.OK;
    }

    public Charset charset() {
        return CharsetDetector.detect(body == null ? new byte[0] : body, contentType);
    }

    public String text() {
        return body == null ? "" : CharsetDetector.decode(body, contentType);
    }
}
