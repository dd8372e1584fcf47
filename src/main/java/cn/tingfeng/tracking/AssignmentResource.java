package cn.tingfeng.tracking;

import cn.tingfeng.security.CurrentUser;
import cn.tingfeng.tracking.attachment.AttachmentService;
import cn.tingfeng.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The workflow on one assignment: the unit's acts (own unit only) and the analyst's decisions. */
@Path("/api/assignments")
@Produces(MediaType.APPLICATION_JSON)
public class AssignmentResource {
    /** {@code channelKind}: a {@link ResponseChannel} code (optional, inferred from {@code channel}). */
    public record ResponseBody(@NotNull Instant publishedAt, @NotBlank @Size(max = 100) String channel,
                               @Pattern(regexp = "website|weibo|wechat|interview|interpretation|media|other",
                                       message = "须为 website、weibo、wechat、interview、interpretation、media 或 other") String channelKind,
                               Boolean principalLeader, @Size(max = 2000) String url, @NotBlank @Size(max = 20_000) String text) {
    }

    public record PressConferenceBody(@NotNull Instant heldAt, @NotBlank @Size(max = 100) String spokesperson,
                                      Boolean principalLeader, @Size(max = 2000) String url) {
    }

    public record TextBody(@NotBlank @Size(max = 20_000) String text) {
    }

    public record ReasonBody(@NotBlank @Size(max = 2000) String reason) {
    }

    public record DecisionBody(@NotNull @Pattern(regexp = "upheld|reassigned", message = "须为 upheld 或 reassigned") String outcome,
                               @Size(max = 2000) String reason, Long unitId) {
    }

    @Inject
    Workflow workflow;
    @Inject
    TrackingViews views;
    @Inject
    AssignmentRepository assignments;
    @Inject
    CurrentUser user;
    @Inject
    AttachmentService attachments;
    @Inject
    Validator validator;

    /** The unit's queue (department users: their own unit); {@code mine} is accepted for clarity. */
    @GET
    @RolesAllowed(Roles.DEPARTMENT)
    @Transactional
    public List<TrackingViews.AssignmentView> queue(@QueryParam("mine") String mine) {
        return views.unitQueue();
    }

    @POST
    @Path("/{id}/ack")
    @RolesAllowed(Roles.DEPARTMENT)
    public TrackingViews.AssignmentView ack(@PathParam("id") Long id) {
        return after(id, () -> workflow.ack(id));
    }

    @POST
    @Path("/{id}/responses")
    @RolesAllowed(Roles.DEPARTMENT)
    public TrackingViews.AssignmentView respond(@PathParam("id") Long id, @Valid @NotNull ResponseBody b) {
        return after(id, () -> workflow.respond(id, b.publishedAt(), b.channel(),
                ResponseChannel.ofCode(b.channelKind()).orElse(null), Boolean.TRUE.equals(b.principalLeader()), b.url(), b.text()));
    }

    /**
     * The same response as multipart/form-data with files ({@code file}, repeatable): the fields of {@link ResponseBody}
     * as form fields ({@code publishedAt} ISO-8601), the files checked and stored by {@link AttachmentService}.
     */
    @POST
    @Path("/{id}/responses")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.DEPARTMENT)
    public TrackingViews.AssignmentView respondWithFiles(@PathParam("id") Long id, @RestForm String publishedAt,
            @RestForm String channel, @RestForm String channelKind, @RestForm String principalLeader, @RestForm String url,
            @RestForm String text, @RestForm("file") List<FileUpload> files) {
        ResponseBody b = valid(new ResponseBody(instant(publishedAt), channel, blankToNull(channelKind),
                "true".equalsIgnoreCase(principalLeader) || "on".equalsIgnoreCase(principalLeader), blankToNull(url), text));
        return after(id, () -> attachments.respond(id, b.publishedAt(), b.channel(), ResponseChannel.ofCode(b.channelKind()).orElse(null),
                Boolean.TRUE.equals(b.principalLeader()), b.url(), b.text(), uploads(files)));
    }

    /** Feedback as multipart/form-data: {@code text} and files ({@code file}, repeatable). */
    @POST
    @Path("/{id}/feedback")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.DEPARTMENT)
    public TrackingViews.AssignmentView feedbackWithFiles(@PathParam("id") Long id, @RestForm String text,
            @RestForm("file") List<FileUpload> files) {
        TextBody b = valid(new TextBody(text));
        return after(id, () -> attachments.feedback(id, b.text(), uploads(files)));
    }

    /** Uploaded files as the attachment service takes them. */
    public static List<AttachmentService.Upload> uploads(List<FileUpload> files) {
        return files == null ? List.of() : files.stream()
                .map(f -> new AttachmentService.Upload(f.fileName(), f.uploadedFile(), f.size())).toList();
    }

    private <T> T valid(T body) {
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) throw new ConstraintViolationException(violations);
        return body;
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Instant.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw cn.tingfeng.shared.ApiException.badRequest("publishedAt", "时间格式不正确（ISO-8601，如 2030-11-05T02:15:00Z）");
        }
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }

    @POST
    @Path("/{id}/press-conferences")
    @RolesAllowed(Roles.DEPARTMENT)
    public TrackingViews.AssignmentView pressConference(@PathParam("id") Long id, @Valid @NotNull PressConferenceBody b) {
        return after(id, () -> workflow.pressConference(id, b.heldAt(), b.spokesperson(),
                Boolean.TRUE.equals(b.principalLeader()), b.url()));
    }

    @POST
    @Path("/{id}/feedback")
    @RolesAllowed(Roles.DEPARTMENT)
    public TrackingViews.AssignmentView feedback(@PathParam("id") Long id, @Valid @NotNull TextBody b) {
        return after(id, () -> workflow.feedback(id, b.text()));
    }

    @POST
    @Path("/{id}/close-requests")
    @RolesAllowed(Roles.DEPARTMENT)
    public TrackingViews.AssignmentView requestClose(@PathParam("id") Long id) {
        return after(id, () -> workflow.requestClose(id));
    }

    @POST
    @Path("/{id}/disputes")
    @RolesAllowed(Roles.DEPARTMENT)
    public TrackingViews.AssignmentView dispute(@PathParam("id") Long id, @Valid @NotNull ReasonBody b) {
        return after(id, () -> workflow.dispute(id, b.reason()));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed(Roles.ANALYST)
    public TrackingViews.AssignmentView close(@PathParam("id") Long id) {
        return after(id, () -> workflow.close(id));
    }

    @POST
    @Path("/{id}/return")
    @RolesAllowed(Roles.ANALYST)
    public TrackingViews.AssignmentView returnForRework(@PathParam("id") Long id, @Valid @NotNull ReasonBody b) {
        return after(id, () -> workflow.returnForRework(id, b.reason()));
    }

    /** Decision on the open dispute; on {@code reassigned} the answer is the new assignment. */
    @POST
    @Path("/{id}/dispute-decision")
    @RolesAllowed(Roles.ANALYST)
    @Transactional
    public TrackingViews.AssignmentView decide(@PathParam("id") Long id, @Valid @NotNull DecisionBody b) {
        Assignment a = workflow.decideDispute(id, "reassigned".equals(b.outcome()) ? DisputeOutcome.REASSIGNED
                : DisputeOutcome.ASSIGNMENT_UPHELD, b.reason(), b.unitId());
        return views.assignment(a, true);
    }

    private TrackingViews.AssignmentView after(Long id, Supplier<AssignmentClocks> act) {
        act.get();
        return views.assignment(id);
    }
}
