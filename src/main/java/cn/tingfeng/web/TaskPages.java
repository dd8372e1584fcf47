package cn.tingfeng.web;

import cn.tingfeng.incident.triage.IncidentViews;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Roles;
import cn.tingfeng.tracking.AssignmentResource;
import cn.tingfeng.tracking.TrackingViews;
import cn.tingfeng.tracking.attachment.AttachmentService;
import cn.tingfeng.tracking.Workflow;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * 本单位待办: the department's own unit's assignments with countdowns, and one page per assignment
 * ({@code /app/tasks/{id}}: the incident read-only, clocks, history, and the forms 签收 / 发布回应 / 新闻发布会 / 反馈 /
 * 申请办结 / 申请改派 through the tracker's {@link Workflow}). A refused form comes back with the Chinese reason and
 * what was typed.
 */
@Path("/app/tasks")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.DEPARTMENT)
public class TaskPages {
    private static final Map<String, String> DONE = Map.of("ack", "已签收。", "respond", "已登记发布的回应。",
            "press", "已登记新闻发布会。", "feedback", "已提交反馈。", "close", "已申请办结，等待网信办审核。",
            "dispute", "已申请改派，等待网信办处理。");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tasks(List<TaskPage.TaskRow> tasks, String flash, String error);

        static native TemplateInstance task(TaskPage.TaskRow t, TrackingViews.IncidentView incident, String summary,
                List<IncidentViews.PostRow> posts, String flash, String error, TaskPage.Typed typed, String attachmentLimit);
    }

    @Inject
    TaskPage page;
    @Inject
    Workflow workflow;
    @Inject
    java.time.Clock clock;
    @Inject
    AttachmentService attachments;

    @GET
    public TemplateInstance tasks(@QueryParam("done") String done) {
        return Templates.tasks(page.queue(), done == null ? null : DONE.get(done), null);
    }

    @GET
    @Path("{id}")
    public TemplateInstance task(@PathParam("id") Long id, @QueryParam("done") String done) {
        return page.render(id, done == null ? null : DONE.get(done), null, null);
    }

    @POST
    @Path("{id}/ack")
    public Response ack(@PathParam("id") Long id) {
        return act(id, "ack", null, () -> workflow.ack(id));
    }

    @POST
    @Path("{id}/respond")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response respond(@PathParam("id") Long id, @RestForm String publishedAt, @RestForm String channel,
            @RestForm String channelKind, @RestForm String principalLeader, @RestForm String url, @RestForm String text) {
        TaskPage.Typed typed = new TaskPage.Typed("respond", publishedAt, channel, url, text, "", "", "");
        return act(id, "respond", typed, () -> workflow.respond(id, localTime(publishedAt, "publishedAt", "发布时间"),
                required(channel, "channel", "发布渠道", 100), cn.tingfeng.tracking.ResponseChannel.ofCode(channelKind).orElse(null),
                "on".equals(principalLeader), optional(url, 2000), required(text, "text", "回应内容", 20_000)));
    }

    /** 发布回应 with attachments (the form is multipart when it has a file field); a refusal keeps what was typed. */
    @POST
    @Path("{id}/respond")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response respondWithFiles(@PathParam("id") Long id, @RestForm String publishedAt, @RestForm String channel,
            @RestForm String channelKind, @RestForm String principalLeader, @RestForm String url, @RestForm String text,
            @RestForm("file") List<FileUpload> file) {
        TaskPage.Typed typed = new TaskPage.Typed("respond", publishedAt, channel, url, text, "", "", "");
        return act(id, "respond", typed, () -> attachments.respond(id, localTime(publishedAt, "publishedAt", "发布时间"),
                required(channel, "channel", "发布渠道", 100), cn.tingfeng.tracking.ResponseChannel.ofCode(channelKind).orElse(null),
                "on".equals(principalLeader), optional(url, 2000), required(text, "text", "回应内容", 20_000),
                AssignmentResource.uploads(file)));
    }

    /** 反馈 with attachments. */
    @POST
    @Path("{id}/feedback")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response feedbackWithFiles(@PathParam("id") Long id, @RestForm String text, @RestForm("file") List<FileUpload> file) {
        TaskPage.Typed typed = new TaskPage.Typed("feedback", "", "", "", text, "", "", "");
        return act(id, "feedback", typed, () -> attachments.feedback(id, required(text, "text", "反馈内容", 20_000),
                AssignmentResource.uploads(file)));
    }

    @POST
    @Path("{id}/press-conference")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pressConference(@PathParam("id") Long id, @RestForm String heldAt, @RestForm String spokesperson,
            @RestForm String url) {
        TaskPage.Typed typed = new TaskPage.Typed("press", "", "", url, "", heldAt, spokesperson, "");
        return act(id, "press", typed, () -> workflow.pressConference(id, localTime(heldAt, "heldAt", "发布会时间"),
                required(spokesperson, "spokesperson", "发言人", 200), optional(url, 2000)));
    }

    @POST
    @Path("{id}/feedback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response feedback(@PathParam("id") Long id, @RestForm String text) {
        TaskPage.Typed typed = new TaskPage.Typed("feedback", "", "", "", text, "", "", "");
        return act(id, "feedback", typed, () -> workflow.feedback(id, required(text, "text", "反馈内容", 20_000)));
    }

    @POST
    @Path("{id}/close-request")
    public Response requestClose(@PathParam("id") Long id) {
        return act(id, "close", new TaskPage.Typed("close", "", "", "", "", "", "", ""), () -> workflow.requestClose(id));
    }

    @POST
    @Path("{id}/dispute")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response dispute(@PathParam("id") Long id, @RestForm String reason) {
        TaskPage.Typed typed = new TaskPage.Typed("dispute", "", "", "", "", "", "", reason);
        return act(id, "dispute", typed, () -> workflow.dispute(id, required(reason, "reason", "申请改派的理由", 2000)));
    }

    /**
     * The act (the tracker confines it to the caller's own unit), then back to the task page; a refusal (400, 409) is
     * shown on it with what was typed; 403 and 404 stay what they are.
     */
    private Response act(Long id, String done, TaskPage.Typed typed, Supplier<?> act) {
        try {
            act.get();
            return Response.seeOther(URI.create("/app/tasks/" + id + "?done=" + done)).build();
        } catch (ApiException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            return Response.status(e.status()).entity(page.render(id, null, WebErrors.message(e), typed)).build();
        }
    }

    /** {@code <input type=datetime-local>} in Beijing time, not in the future. */
    Instant localTime(String value, String field, String label) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field, "请填写" + label);
        }
        Instant t;
        try {
            t = LocalDateTime.parse(value.strip()).atZone(WebFormat.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, label + "格式不正确");
        }
        if (t.isAfter(clock.instant())) {
            throw ApiException.badRequest(field, label + "不能晚于当前时间");
        }
        return t;
    }

    private static String required(String value, String field, String label, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field, "请填写" + label);
        }
        if (value.length() > max) {
            throw ApiException.badRequest(field, label + "不能超过 " + max + " 个字符");
        }
        return value.strip();
    }

    private static String optional(String value, int max) {
        return value == null || value.isBlank() ? null : required(value, "url", "链接", max);
    }
}
