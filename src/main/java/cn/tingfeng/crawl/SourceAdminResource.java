package cn.tingfeng.crawl;

import cn.tingfeng.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Sources for the administrator: list with errors and health, reload the folder, run one source now. */
@Path("/api/admin/sources")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class SourceAdminResource {
    @Inject
    SourceOverview overview;
    @Inject
    SourceRegistry registry;
    @Inject
    CrawlService crawls;

    /** Every source with its definition state, validation errors (file, field, reason), schedule and health. */
    @GET
    public SourceOverview.Overview list() {
        return overview.overview();
    }

    /** One source by numeric id or key. */
    @GET
    @Path("{id}")
    public SourceOverview.SourceView get(@PathParam("id") String id) {
        return overview.one(id);
    }

    /** Re-reads the crawlers/ folder now (the file watcher does the same on its own). */
    @POST
    @Path("reload")
    public SourceRegistry.ReloadReport reload() {
        return registry.reload();
    }

    /** Runs one source now and answers with the run's summary (409 while it is already running). */
    @POST
    @Path("{id}/run")
    public RunSummary run(@PathParam("id") String id) {
        return crawls.runNow(overview.find(id).key);
    }

    /** The files an import source took, with their rejected rows and reasons. */
    @GET
    @Path("{id}/imports")
    public List<SourceOverview.ImportView> imports(@PathParam("id") String id) {
        return overview.imports(id);
    }
}
