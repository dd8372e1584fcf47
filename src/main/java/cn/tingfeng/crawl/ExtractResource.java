package cn.tingfeng.crawl;

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

/**
 * The general article extractor on a page the caller already has ("preview source" in the admin UI): the raw bytes as
 * the site served them ({@code Content-Type: text/html}, charset optional: it is detected from the bytes and meta).
 */
@Path("/api/extract")
@RolesAllowed({Roles.ADMIN, Roles.ANALYST})
public class ExtractResource {
    @Inject
    PagePreview preview;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public PagePreview.Extracted extract(@QueryParam("url") String url,
                                         @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] page) {
        return preview.extract(url, contentType, page);
    }
}
