package cn.tingfeng.jurisdiction.classify;

import cn.tingfeng.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Proposes who must respond to a text under Art. 19 (属地管理、分级负责；谁主管、谁负责). */
@Path("/api/classify")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClassifyResource {
    public static final int MAX_TITLE = 500;
    public static final int MAX_TEXT = 20_000;

    public record ClassifyRequest(
            @Size(max = MAX_TITLE, message = "长度不能超过 " + MAX_TITLE + " 个字符") String title,
            @NotBlank(message = "不能为空") @Size(max = MAX_TEXT, message = "长度不能超过 " + MAX_TEXT + " 个字符") String text) {
    }

    @Inject
    Classifiers classifiers;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    public ClassificationView classify(@Valid @NotNull ClassifyRequest request) {
        return ClassificationView.of(classifiers.classify(request.title(), request.text()), classifiers::unitId);
    }
}
