package cn.tingfeng.web;

import cn.tingfeng.search.PlatformLabels;
import cn.tingfeng.search.SearchResource;
import cn.tingfeng.search.SearchService;
import cn.tingfeng.shared.Paging;
import cn.tingfeng.shared.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 全文检索: the GET form with the filters, hits with marked snippets, paging and export links (as /api/search). */
@Path("/app/search")
@Produces(MediaType.TEXT_HTML)
public class SearchPages {
    static final Map<String, String> SENTIMENTS = new LinkedHashMap<>();

    static {
        SENTIMENTS.put("negative", "负面");
        SENTIMENTS.put("neutral", "中性");
        SENTIMENTS.put("positive", "正面");
    }

    /** What the form sent, echoed back into it. */
    public record Form(String q, String from, String to, String source, String platform, String county, String plan,
            String sentiment, String incident) {
        String query() {
            StringBuilder b = new StringBuilder();
            add(b, "q", q);
            add(b, "from", from);
            add(b, "to", to);
            add(b, "source", source);
            add(b, "platform", platform);
            add(b, "county", county);
            add(b, "plan", plan);
            add(b, "sentiment", sentiment);
            add(b, "incident", incident);
            return b.toString();
        }

        private static void add(StringBuilder b, String k, String v) {
            if (v == null || v.isBlank()) return;
            b.append(b.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        }
    }

    public record Row(SearchService.Hit hit, String platformLabel) {
    }

    public record Results(long total, boolean exact, List<Row> rows, int page, Integer prevPage, Integer nextPage, String query) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(Form form, SearchService.Options options, List<SearchService.Option> sentiments,
                Results results, String error);
    }

    @Inject
    SearchService search;

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.LEADER})
    public Response page(@QueryParam("q") String q, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("source") String source, @QueryParam("platform") String platform, @QueryParam("county") String county,
            @QueryParam("plan") String plan, @QueryParam("sentiment") String sentiment, @QueryParam("incident") String incident,
            @QueryParam("page") Integer page) {
        Form form = new Form(q, from, to, source, platform, county, plan, sentiment, incident);
        SearchService.Options options = search.options();
        List<SearchService.Option> platforms = new ArrayList<>();
        for (SearchService.Option o : options.platforms()) platforms.add(new SearchService.Option(o.value(), platform(o.value())));
        options = new SearchService.Options(options.sources(), platforms, options.counties(), options.plans());
        List<SearchService.Option> sentiments = SENTIMENTS.entrySet().stream()
                .map(e -> new SearchService.Option(e.getKey(), e.getValue())).toList();
        if (q == null || q.isBlank()) {
            return Response.ok(Templates.search(form, options, sentiments, null, null)).build();
        }
        try {
            int p = page == null ? 0 : page;
            Paging paging = Paging.of(p, SearchResource.PAGE_SIZE, SearchResource.PAGE_SIZE);
            SearchService.Result r = search.search(search.criteria(q, from, to, source, platform, county, plan, sentiment, incident), paging);
            List<Row> rows = r.items().stream().map(h -> new Row(h, platform(h.platform()))).toList();
            Integer prev = p > 0 ? p - 1 : null;
            Integer next = r.total() > (long) (p + 1) * paging.size() ? p + 1 : null;
            return Response.ok(Templates.search(form, options, sentiments, new Results(r.total(), r.exact(), rows, p, prev, next, form.query()), null))
                    .build();
        } catch (cn.tingfeng.shared.ApiException e) {
            return Response.status(WebErrors.status(e)).entity(Templates.search(form, options, sentiments, null, WebErrors.message(e)))
                    .build();
        }
    }

    /**
     * The page's export links: the same .xlsx/.csv as {@code GET /api/search/export}, with the page's session (the API
     * accepts only tokens and Basic).
     */
    @GET
    @Path("export")
    @Produces({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv", MediaType.TEXT_HTML})
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.LEADER})
    public Response export(@QueryParam("format") String format, @QueryParam("q") String q, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("source") String source, @QueryParam("platform") String platform,
            @QueryParam("county") String county, @QueryParam("plan") String plan, @QueryParam("sentiment") String sentiment,
            @QueryParam("incident") String incident) {
        return cn.tingfeng.search.SearchResource.export(search, format,
                search.criteria(q, from, to, source, platform, county, plan, sentiment, incident));
    }

    static String platform(String code) {
        return PlatformLabels.of(code);
    }
}
