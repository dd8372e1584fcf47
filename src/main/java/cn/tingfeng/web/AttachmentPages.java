package cn.tingfeng.web;

import cn.tingfeng.shared.Roles;
import cn.tingfeng.tracking.attachment.AttachmentDownloads;
import cn.tingfeng.tracking.attachment.AttachmentService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * {@code /app/attachments/{id}}: a response's or feedback's file for the pages (session), always as a download. The
 * assignment's own unit and the oversight roles; another unit's department gets 403 (as {@code GET /api/attachments/{id}}).
 */
@Path("/app/attachments")
public class AttachmentPages {
    @Inject
    AttachmentService attachments;

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.DEPARTMENT, Roles.ANALYST, Roles.SUPERVISOR, Roles.LEADER, Roles.ADMIN})
    public Response download(@PathParam("id") Long id) {
        return AttachmentDownloads.of(attachments.download(id));
    }
}
