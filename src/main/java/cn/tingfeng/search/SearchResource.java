package cn.tingfeng.search;

import cn.tingfeng.report.Table;
import cn.tingfeng.report.TableExport;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Paging;
import cn.tingfeng.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** 全文检索: {@code GET /api/search}, its export, and the administrator's backfill (docs/search.md). */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final int PAGE_SIZE = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SearchCriteria.ZONE);

    /** One hit; {@code title} and {@code snippet} are escaped HTML with the hits in {@code <mark>}. */
    public record Item(long postId, Long incidentId, String title, String snippet, String source, String platform,
            Instant publishedAt) {
    }

    /** {@code totalExact}: false when {@code total} is estimated (a phrase or single character over very many candidates). */
    public record Page(long total, boolean totalExact, int page, int size, List<Item> items) {
    }

    public record Backfill(int indexed, long pending) {
    }

    @Inject
    SearchService search;
    @Inject
    SearchIndexer indexer;
    @Inject
    SearchBackfillJob backfill;

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.LEADER})
    public Page search(@QueryParam("q") String q, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("source") String source, @QueryParam("platform") String platform, @QueryParam("county") String county,
            @QueryParam("plan") String plan, @QueryParam("sentiment") String sentiment, @QueryParam("incident") String incident,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Paging paging = Paging.of(page == null ? 0 : page, size == null ? PAGE_SIZE : size, 100);
        SearchService.Result r = search.search(search.criteria(q, from, to, source, platform, county, plan, sentiment, incident), paging);
        List<Item> items = new ArrayList<>(r.items().size());
        for (SearchService.Hit h : r.items()) {
            items.add(new Item(h.postId(), h.incidentId(), h.title(), h.snippet(), h.source(), h.platform(), h.publishedAt()));
        }
        return new Page(r.total(), r.exact(), paging.page(), paging.size(), items);
    }

    /** The hits (at most {@link SearchService#EXPORT_MAX}, in rank order) as .xlsx or .csv (UTF-8 with BOM). */
    @GET
    @Path("/export")
    @Produces({XLSX, "text/csv"})
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.LEADER})
    public Response export(@QueryParam("format") String format, @QueryParam("q") String q, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("source") String source, @QueryParam("platform") String platform,
            @QueryParam("county") String county, @QueryParam("plan") String plan, @QueryParam("sentiment") String sentiment,
            @QueryParam("incident") String incident) {
        return export(search, format, search.criteria(q, from, to, source, platform, county, plan, sentiment, incident));
    }

    /** The export as an HTTP answer (the API's and the page's, {@code /app/search/export}, which takes the session). */
    public static Response export(SearchService search, String format, SearchCriteria criteria) {
        String fmt = format == null || format.isBlank() ? "xlsx" : format;
        if (!fmt.equals("xlsx") && !fmt.equals("csv")) throw ApiException.badRequest("format", "须为 xlsx 或 csv");
        SearchService.Result r = search.export(criteria);
        Table t = table(r);
        String disposition = "attachment; filename=\"search." + fmt + "\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode("检索结果." + fmt, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return fmt.equals("csv")
                ? Response.ok(TableExport.csv(t), "text/csv; charset=UTF-8").header("Content-Disposition", disposition).build()
                : Response.ok(TableExport.xlsx(t), XLSX).header("Content-Disposition", disposition).build();
    }

    /** Indexes posts stored before the index existed: up to {@code batches} batches of 500 now; what remains after. */
    @POST
    @Path("/backfill")
    @RolesAllowed(Roles.ADMIN)
    public Backfill runBackfill(@QueryParam("batches") Integer batches) {
        int n = batches == null ? 20 : batches;
        if (n < 1 || n > 1000) throw ApiException.badRequest("batches", "批次数必须在 1 到 1000 之间");
        int indexed = backfill.runBatches(n);
        return new Backfill(indexed, indexer.pending());
    }

    static String zoneLabel() {
        return SearchCriteria.ZONE.getId().equals("Asia/Shanghai") ? "北京时间" : SearchCriteria.ZONE.getId();
    }

    static Table table(SearchService.Result r) {
        List<List<Object>> rows = new ArrayList<>(r.items().size());
        for (SearchService.Hit h : r.items()) {
            List<Object> row = new ArrayList<>();
            row.add(h.publishedAt() == null ? null : TIME.format(h.publishedAt()));
            row.add(h.rawTitle());
            row.add(h.sourceName());
            row.add(PlatformLabels.of(h.platform()));
            row.add(h.incidentId());
            row.add(h.url());
            row.add(h.plainSnippet());
            row.add(h.postId());
            rows.add(row);
        }
        return new Table("search", "检索结果", List.of("发布时间（" + zoneLabel() + "）", "标题", "来源", "平台", "事件编号", "链接", "摘要", "帖子编号"), rows);
    }
}
