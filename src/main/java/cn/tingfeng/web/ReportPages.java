package cn.tingfeng.web;

import cn.tingfeng.report.ReportFacts;
import cn.tingfeng.report.issue.ReportService;
import cn.tingfeng.report.issue.ReportTemplates;
import cn.tingfeng.report.issue.ReportType;
import cn.tingfeng.security.CurrentUser;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * 舆情报告: issued reports with their downloads (analyst, admin, leader, supervisor); the issue form with 研判意见 and
 * 处置建议 (analyst, admin); the document templates (admin).
 */
@Path("/app/reports")
@Produces(MediaType.TEXT_HTML)
public class ReportPages {
    public record TypeOption(String code, String label) {
    }

    /** What the issue form sent, echoed back when it is refused. */
    public record Form(String type, List<Long> incidentIds, String from, String to, String opinion, String suggestion, String find) {
        public boolean chosen(Long id) {
            return incidentIds != null && incidentIds.contains(id);
        }

        static Form empty() {
            return new Form("daily", List.of(), "", "", "", "", "");
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reports(List<ReportService.ReportView> reports, boolean canIssue, boolean admin,
                List<TypeOption> types, List<ReportFacts.Choice> incidents, Form form, String error, Long issued);

        static native TemplateInstance template(String key, String content, boolean overridden, List<String> keys, String error,
                boolean saved);
    }

    @Inject
    ReportService reports;
    @Inject
    ReportTemplates templates;
    @Inject
    ReportFacts facts;
    @Inject
    CurrentUser user;

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.LEADER, Roles.SUPERVISOR})
    public TemplateInstance page(@QueryParam("issued") Long issued, @QueryParam("find") String find,
                                 @QueryParam("incident") List<Long> chosen, @QueryParam("type") String type) {
        boolean known = type != null && Arrays.stream(ReportType.values()).anyMatch(t -> t.code().equals(type));
        Form form = new Form(known ? type : (chosen == null || chosen.isEmpty() ? "daily" : "flash"),
                chosen == null ? List.of() : chosen, "", "", "", "", find == null ? "" : find.strip());
        return view(form, null, issued);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    public Response issue(@FormParam("type") String type, @FormParam("incident") List<Long> incidents,
                          @FormParam("from") String from, @FormParam("to") String to,
                          @FormParam("opinion") String opinion, @FormParam("suggestion") String suggestion,
                          @FormParam("find") String find) {
        Form form = new Form(type, incidents == null ? List.of() : incidents, nz(from), nz(to), nz(opinion), nz(suggestion), nz(find));
        try {
            boolean periodType = "daily".equals(type) || "weekly".equals(type) || "zero".equals(type);
            ReportService.ReportView v = reports.issue(new ReportService.Request(type,
                    periodType ? List.of() : form.incidentIds(), periodType ? date(from, "from") : null,
                    periodType ? date(to, "to") : null, opinion, suggestion), user.username());
            return Response.seeOther(URI.create("/app/reports?issued=" + v.id())).build();
        } catch (ApiException e) {
            return Response.status(WebErrors.status(e)).entity(view(form, WebErrors.message(e), null)).build();
        } catch (RuntimeException e) {
            return Response.status(500).entity(view(form, "报告生成失败：" + e.getMessage(), null)).build();
        }
    }

    /** The stored document, for the page's links (the API does not take the session cookie). */
    @GET
    @Path("{id}/download")
    @Produces({"application/pdf", "text/html", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"})
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.LEADER, Roles.SUPERVISOR})
    public Response download(@PathParam("id") Long id, @QueryParam("format") String format) {
        return cn.tingfeng.report.issue.ReportResource.download(reports, id, format == null ? "" : format);
    }

    @GET
    @Path("templates/{key}")
    @RolesAllowed(Roles.ADMIN)
    public TemplateInstance template(@PathParam("key") String key, @QueryParam("saved") String saved) {
        ReportTemplates.Source s = QuarkusTransaction.requiringNew().call(() -> templates.source(key));
        return Templates.template(s.key(), s.content(), s.overridden(), ReportTemplates.keys(), null, saved != null);
    }

    @POST
    @Path("templates/{key}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    public Response saveTemplate(@PathParam("key") String key, @FormParam("content") String content,
                                 @FormParam("reset") String reset) {
        try {
            if (reset != null) templates.reset(key, user.username());
            else templates.save(key, content, user.username());
            return Response.seeOther(URI.create("/app/reports/templates/" + key + "?saved=1")).build();
        } catch (ApiException e) {
            return Response.status(WebErrors.status(e)).entity(Templates.template(key, nz(content), true,
                    ReportTemplates.keys(), WebErrors.message(e), false)).build();
        }
    }

    private TemplateInstance view(Form form, String error, Long issued) {
        boolean canIssue = user.has(Roles.ANALYST) || user.has(Roles.ADMIN);
        List<ReportFacts.Choice> incidents = canIssue ? QuarkusTransaction.requiringNew().call(
                () -> facts.incidentChoices(form.find(), form.incidentIds(), 100)) : List.of();
        List<TypeOption> types = Arrays.stream(ReportType.values()).map(t -> new TypeOption(t.code(), t.label())).toList();
        return Templates.reports(reports.list(null, 200), canIssue, user.has(Roles.ADMIN), types, incidents, form, error, issued);
    }

    private static LocalDate date(String s, String field) {
        if (s == null || s.isBlank()) return null;
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, ("from".equals(field) ? "开始日期" : "结束日期") + "格式应为 YYYY-MM-DD");
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
