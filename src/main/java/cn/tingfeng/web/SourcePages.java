package cn.tingfeng.web;

import cn.tingfeng.crawl.CrawlService;
import cn.tingfeng.crawl.PagePreview;
import cn.tingfeng.crawl.RunSummary;
import cn.tingfeng.crawl.SourceOverview;
import cn.tingfeng.crawl.SourceRegistry;
import cn.tingfeng.incident.triage.PipelineStatus;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** 采集来源 (admin): health of every source, reload the folder, run one now, and 预览 the extractor on a page. */
@Path("/app/sources")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class SourcePages {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(SourceOverview.Overview overview, PipelinePanel pipeline, String flash, String error);

        static native TemplateInstance preview(String url, String html, PagePreview.Extracted result, String error);
    }

    @Inject
    SourceOverview overview;
    @Inject
    SourceRegistry registry;
    @Inject
    CrawlService crawls;
    @Inject
    PagePreview pages;
    @Inject
    PipelineStatus pipelineStatus;

    /** The monitoring queue as the page shows it (Beijing time, whole seconds). */
    public record PipelinePanel(long queued, long retrying, long parked, String lag, String oldest, long processed,
            List<ParkedRow> parkedPosts, boolean lagging) {
    }

    public record ParkedRow(long id, long postId, String title, int attempts, String lastError, String parkedAt) {
    }

    PipelinePanel pipeline() {
        PipelineStatus.View v = pipelineStatus.view();
        long lag = Math.round(v.lagSeconds());
        String lagText = lag < 60 ? lag + " 秒" : lag < 3600 ? (lag / 60) + " 分 " + (lag % 60) + " 秒" : (lag / 3600) + " 小时 " + (lag % 3600 / 60) + " 分";
        return new PipelinePanel(v.queued(), v.retrying(), v.parked(), lagText,
                v.oldestQueuedAt() == null ? "—" : WebFormat.local(v.oldestQueuedAt()), Math.round(v.processedTotal()),
                v.parkedPosts().stream().map(p -> new ParkedRow(p.id(), p.postId(), p.title() == null ? "（无标题）" : p.title(),
                        p.attempts(), p.lastError(), p.parkedAt() == null ? "—" : WebFormat.local(p.parkedAt()))).toList(),
                lag > 120);
    }

    /** 重新处理: parked posts back into the monitoring queue (one, or all). */
    @POST
    @Path("pipeline/retry")
    public TemplateInstance retryParked(@RestForm Long id) {
        int n = pipelineStatus.retry(id);
        return Templates.list(overview.overview(), pipeline(), n == 0 ? "没有需要重新处理的信息。" : "已将 " + n + " 条搁置信息重新放入监测队列。", null);
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(overview.overview(), pipeline(), null, null);
    }

    @POST
    @Path("reload")
    public TemplateInstance reload() {
        SourceRegistry.ReloadReport r = registry.reload();
        String flash = "已重新加载 " + r.directory() + "：有效 " + r.valid() + " 个；新增 " + r.added().size() + "，变更 "
                + r.changed().size() + "，移除 " + r.removed().size() + "，错误 " + r.errors().size() + " 条。";
        return Templates.list(overview.overview(), pipeline(), flash, null);
    }

    @POST
    @Path("{id}/run")
    public Response run(@PathParam("id") String id) {
        try {
            RunSummary s = crawls.runNow(overview.find(id).key);
            String flash = "来源 " + s.source() + " 采集" + (s.failed() ? "失败" : "完成") + "：用时 " + s.durationMs() + " 毫秒，看到 "
                    + s.itemsSeen() + " 条，新增 " + s.newPosts() + " 条，更新 " + s.updated() + " 条，错误 " + s.errors().size() + " 条。";
            return Response.ok(Templates.list(overview.overview(), pipeline(), flash, null)).build();
        } catch (ApiException e) {
            return Response.status(e.status()).entity(Templates.list(overview.overview(), pipeline(), null, WebErrors.message(e))).build();
        }
    }

    @GET
    @Path("preview")
    public TemplateInstance previewForm() {
        return Templates.preview("", "", null, null);
    }

    /** The page's HTML pasted or uploaded (raw bytes: the extractor detects the charset), extracted as /api/extract does. */
    @POST
    @Path("preview")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response preview(@RestForm String url, @RestForm String html, @RestForm("file") FileUpload file) throws IOException {
        String pasted = html == null ? "" : html;
        try {
            PagePreview.Extracted result;
            if (file != null && file.size() > 0) {
                result = pages.extract(url, file.contentType(), Files.readAllBytes(file.uploadedFile()));
            } else {
                result = pages.extract(url, "text/html; charset=UTF-8", pasted.getBytes(StandardCharsets.UTF_8));
            }
            return Response.ok(Templates.preview(url, pasted, result, null)).build();
        } catch (ApiException e) {
            return Response.status(e.status()).entity(Templates.preview(url, pasted, null, WebErrors.message(e))).build();
        }
    }
}
