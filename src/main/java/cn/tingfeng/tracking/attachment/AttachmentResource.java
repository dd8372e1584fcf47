package cn.tingfeng.tracking.attachment;

import cn.tingfeng.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/attachments/{id}}: a response's or feedback's file, as a download. The assignment's own unit and the
 * oversight roles (analyst, supervisor, leader, admin); a department of another unit gets 403. Uploads come with the
 * response or feedback itself (multipart {@code POST /api/assignments/{id}/responses} and {@code …/feedback}).
 */
@Path("/api/attachments")
public class AttachmentResource {
    @Inject
    AttachmentService attachments;

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.DEPARTMENT, Roles.ANALYST, Roles.SUPERVISOR, Roles.LEADER, Roles.ADMIN})
    public Response download(@PathParam("id") Long id) {
        return AttachmentDownloads.of(attachments.download(id));
    }
}
