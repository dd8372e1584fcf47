package cn.tingfeng.jurisdiction.catalog;

import cn.tingfeng.jurisdiction.classify.Classifiers;
import cn.tingfeng.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** The loaded jurisdiction data, and reloading it after an administrator edited the files. */
@Path("/api/admin/jurisdiction")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class JurisdictionAdminResource {
    public record Status(String classifierVersion, List<String> jurisdictions, List<String> errors, Instant loadedAt) {
    }

    @Inject
    JurisdictionSeeder seeder;
    @Inject
    Classifiers classifiers;

    @GET
    public Status status() {
        Classifiers.State s = classifiers.state();
        List<String> names = s.base().jurisdictions().stream().map(j -> j.name() + "（" + j.source() + "）").toList();
        return new Status(s.version(), names, s.loadErrors(), s.loadedAt());
    }

    /** Re-reads the shipped and external files, upserts territories and units, rebuilds the classifier. */
    @POST
    @Path("reload")
    public JurisdictionSeeder.ReloadResult reload() {
        return seeder.reload();
    }
}
