package cn.tingfeng.crawl;

import cn.tingfeng.crawl.extract.ArticleExtractor;
import cn.tingfeng.crawl.extract.ExtractedArticle;
import cn.tingfeng.shared.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;

/** The general article extractor on a page the caller already has: {@code /api/extract} and the admin's 预览. */
@ApplicationScoped
public class PagePreview {

    /** {@code publishedAt}: ISO-8601 local date-time ({@code 2026-03-01T08:00}), a date alone, or null. */
    public record Extracted(String title, String publishedAt, String author, String body) {
    }

    @Inject
    ArticleExtractor extractor;
    @Inject
    CrawlerConfig config;

    /** 400 naming {@code url} or {@code body} for bad input, 413 above the configured size. */
    public Extracted extract(String url, String contentType, byte[] page) {
        URI u = pageUrl(url);
        if (page == null || page.length == 0) {
            throw ApiException.badRequest("body", "请求体为空：请以 text/html 发送网页原始字节");
        }
        if (page.length > config.extractMaxBytes()) {
            throw new ApiException(413, "payload_too_large", "网页超过 " + config.extractMaxBytes() + " 字节上限");
        }
        ExtractedArticle a = extractor.extract(page, contentType, u.toString());
        return new Extracted(a.title(), a.publishedAtIso(), a.author(), a.body());
    }

    private static URI pageUrl(String url) {
        if (url == null || url.isBlank()) {
            throw ApiException.badRequest("url", "必填：网页地址（用于解析相对链接）");
        }
        try {
            URI u = new URI(url.strip());
            if (u.getScheme() == null || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))
                    || u.getHost() == null) {
                throw ApiException.badRequest("url", "必须是 http(s) 绝对地址");
            }
            return u;
        } catch (java.net.URISyntaxException e) {
            throw ApiException.badRequest("url", "地址格式错误");
        }
    }
}
