package cn.tingfeng.web;

import cn.tingfeng.security.CurrentUser;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Roles;
import cn.tingfeng.tracking.InstructionList;
import cn.tingfeng.tracking.InstructionResource;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 领导批示 in the pages: the leader's form on the incident page (the rules of {@code POST /api/instructions}: its request
 * record's constraints and {@link Workflow#issueInstruction}) and the list of instructions with their completion.
 */
@Path("/app")
@Produces(MediaType.TEXT_HTML)
public class InstructionPages {
    static final int LIST_LIMIT = 500;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance instructions(List<InstructionList.Row> rows, boolean mine, long open, long late, int limit);
    }

    @Inject
    Workflow workflow;
    @Inject
    WebForms forms;
    @Inject
    IncidentPage page;
    @Inject
    InstructionForm form;
    @Inject
    InstructionList list;
    @Inject
    CurrentUser user;

    /** 下达批示: 303 back to the incident page; refused, the page again with the error and what was typed. */
    @POST
    @Path("incidents/{id}/instructions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.LEADER)
    public Response issue(@PathParam("id") Long id, @RestForm String text, @RestForm String dueAt) {
        try {
            InstructionResource.NewInstruction r = forms.valid(new InstructionResource.NewInstruction(id,
                    WebForms.blankToNull(text), due(dueAt)));
            workflow.issueInstruction(r.incidentId(), r.text(), r.dueAt());
            return Response.seeOther(URI.create("/app/incidents/" + id + "?msg="
                    + URLEncoder.encode("已下达批示，牵头单位将按时限办理。", StandardCharsets.UTF_8))).build();
        } catch (ApiException e) {
            if (e.status() == 404) throw e;
            form.keep(text, dueAt);
            return Response.status(e.status()).entity(page.render(id, null, WebErrors.message(e))).build();
        }
    }

    /** {@code <input type=datetime-local>} in Beijing time; empty = the policy's deadline for 批示. */
    private static Instant due(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDateTime.parse(value.strip()).atZone(WebFormat.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("dueAt", "办理时限格式不正确");
        }
    }

    /** A leader's own 批示 (administrators and the supervision office see all), with open/done and on time or late. */
    @GET
    @Path("instructions")
    @RolesAllowed({Roles.LEADER, Roles.ADMIN, Roles.SUPERVISOR})
    public TemplateInstance instructions() {
        boolean mine = user.has(Roles.LEADER);
        List<InstructionList.Row> rows = mine ? list.issuedBy(user.username(), LIST_LIMIT) : list.all(LIST_LIMIT);
        long open = rows.stream().filter(r -> !r.done()).count();
        long late = rows.stream().filter(r -> !r.onTime()).count();
        return Templates.instructions(rows, mine, open, late, LIST_LIMIT);
    }
}
