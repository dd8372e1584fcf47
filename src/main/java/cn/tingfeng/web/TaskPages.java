package cn.tingfeng.web;

import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Roles;
import cn.tingfeng.tracking.TrackingViews;
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

/** 本单位待办: the department's own unit's assignments, with 签收 / 发布回应 / 反馈 / 申请办结 through the tracker's {@link Workflow}. */
@Path("/app/tasks")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.DEPARTMENT)
public class TaskPages {
    private static final Map<String, String> DONE = Map.of("ack", "已签收。", "respond", "已登记发布的回应。",
            "feedback", "已提交反馈。", "close", "已申请办结，等待网信办审核。");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tasks(List<TrackingViews.AssignmentView> tasks, String flash, String error);
    }

    @Inject
    TrackingViews views;
    @Inject
    Workflow workflow;

    @GET
    public TemplateInstance tasks(@QueryParam("done") String done) {
        return Templates.tasks(views.unitQueue(), done == null ? null : DONE.get(done), null);
    }

    @POST
    @Path("{id}/ack")
    public Response ack(@PathParam("id") Long id) {
        return act("ack", () -> workflow.ack(id));
    }

    @POST
    @Path("{id}/respond")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response respond(@PathParam("id") Long id, @RestForm String publishedAt, @RestForm String channel,
            @RestForm String channelKind, @RestForm String principalLeader, @RestForm String url, @RestForm String text) {
        return act("respond", () -> workflow.respond(id, localTime(publishedAt), required(channel, "channel", "发布渠道", 100),
                cn.tingfeng.tracking.ResponseChannel.ofCode(channelKind).orElse(null), "on".equals(principalLeader),
                optional(url, 2000), required(text, "text", "回应内容", 20_000)));
    }

    @POST
    @Path("{id}/feedback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response feedback(@PathParam("id") Long id, @RestForm String text) {
        return act("feedback", () -> workflow.feedback(id, required(text, "text", "反馈内容", 20_000)));
    }

    @POST
    @Path("{id}/close-request")
    public Response requestClose(@PathParam("id") Long id) {
        return act("close", () -> workflow.requestClose(id));
    }

    /** The act (the tracker confines it to the caller's own unit), then back to the list; a refusal is shown on it. */
    private Response act(String done, Supplier<?> act) {
        try {
            act.get();
            return Response.seeOther(URI.create("/app/tasks?done=" + done)).build();
        } catch (ApiException e) {
            return Response.status(e.status()).entity(Templates.tasks(views.unitQueue(), null, WebErrors.message(e))).build();
        }
    }

    /** {@code <input type=datetime-local>} in Beijing time. */
    static Instant localTime(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("publishedAt", "请填写发布时间");
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(WebFormat.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("publishedAt", "发布时间格式不正确");
        }
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
