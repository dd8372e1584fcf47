package cn.tingfeng.crawl;

import cn.tingfeng.crawl.extract.ArticleExtractor;
import cn.tingfeng.crawl.extract.ExtractedArticle;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;

/**
 * The general article extractor on a page the caller already has ("preview source" in the admin UI): the raw bytes as
 * the site served them ({@code Content-Type: text/html}, charset optional: it is detected from the bytes and meta).
 */
@Path("/api/extract")
@RolesAllowed({Roles.ADMIN, Roles.ANALYST})
public class ExtractResource {

    /** {@code publishedAt}: ISO-8601 local date-time ({@code 2026-03-01T08:00}), a date alone, or null. */
    public record Extracted(String title, String publishedAt, String author, String body) {
    }

    @Inject
    ArticleExtractor extractor;
    @Inject
    CrawlerConfig config;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Extracted extract(@QueryParam("url") String url, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                             byte[] page) {
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
