package cn.tingfeng.report.issue;

import cn.tingfeng.security.CurrentUser;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Issued reports: issue (analyst, admin), list and download (also leader, supervisor), templates (admin). */
@Path("/api/reports")
public class ReportResource {
    static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=UTF-8",
            "pdf", "application/pdf",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    @Inject
    ReportService reports;
    @Inject
    ReportTemplates templates;
    @Inject
    CurrentUser user;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    public Response issue(ReportService.Request request) {
        ReportService.ReportView v = reports.issue(request, user.username());
        return Response.status(201).entity(v).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.LEADER, Roles.SUPERVISOR})
    public List<ReportService.ReportView> list(@QueryParam("type") String type, @QueryParam("limit") Integer limit) {
        if (type != null && !type.isBlank() && ReportType.of(type).isEmpty()) {
            throw ApiException.badRequest("type", "须为 flash、daily、weekly、special 或 zero");
        }
        int n = limit == null ? 100 : limit;
        if (n < 1 || n > 1000) throw ApiException.badRequest("limit", "须为 1–1000");
        return reports.list(type, n);
    }

    /**
     * The document as stored at issue time ({@code format} html, pdf or docx) as an attachment — also the HTML, whose
     * inline style the application's CSP would block in the browser; without format: the record as JSON.
     */
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.LEADER, Roles.SUPERVISOR})
    public Response get(@PathParam("id") Long id, @QueryParam("format") String format) {
        if (format == null || format.isBlank() || format.equals("json")) {
            return Response.ok(reports.get(id), MediaType.APPLICATION_JSON).build();
        }
        return download(reports, id, format);
    }

    /** The stored bytes of one format with their type and file name (also behind the page's links). */
    public static Response download(ReportService reports, Long id, String format) {
        byte[] bytes = reports.file(id, format);
        ReportService.ReportView v = reports.get(id);
        String name = "report-" + id + "." + format;
        String disposition = "attachment; filename=\"" + name + "\"; filename*=UTF-8''"
                + URLEncoder.encode(v.typeLabel() + v.number() + "." + format, StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(bytes, TYPES.get(format)).header("Content-Disposition", disposition)
                .header("X-Content-SHA256", ReportService.sha256(bytes)).build();
    }

    public record TemplateBody(String content) {
    }

    @GET
    @Path("/templates/{key}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public ReportTemplates.Source template(@PathParam("key") String key) {
        return templates.source(key);
    }

    /** Replaces the template of a type ({@code document}: of every type without its own); refused with the reason. */
    @PUT
    @Path("/templates/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public ReportTemplates.Source saveTemplate(@PathParam("key") String key, TemplateBody body) {
        return templates.save(key, body == null ? null : body.content(), user.username());
    }

    @DELETE
    @Path("/templates/{key}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public ReportTemplates.Source resetTemplate(@PathParam("key") String key) {
        return templates.reset(key, user.username());
    }
}
