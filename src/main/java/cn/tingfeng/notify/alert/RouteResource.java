package cn.tingfeng.notify.alert;

import cn.tingfeng.notify.WebhookClient;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;

/** Alert routes: e-mail and robot webhooks of a plan (or of every plan), with quiet hours and rate limit. */
@Path("/api/alert-routes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class RouteResource {
    private static final String HHMM = "([01][0-9]|2[0-3]):[0-5][0-9]";

    public record RouteRequest(Long planId, @NotBlank @Pattern(regexp = "EMAIL|WECOM|DINGTALK") String channel,
            @NotBlank @Size(max = 2000) String target, @Size(max = 200) String secret,
            @Pattern(regexp = HHMM, message = "格式为 HH:mm") String quietStart,
            @Pattern(regexp = HHMM, message = "格式为 HH:mm") String quietEnd, Boolean majorBypassesQuiet,
            @Min(1) @Max(1000) Integer rateMax, @Min(1) @Max(86_400) Integer rateWindowSeconds, Boolean zeroReport) {
    }

    /** The secret is never shown, only whether there is one. */
    public record RouteView(Long id, Long planId, String channel, String target, boolean signed, String quietStart,
            String quietEnd, boolean majorBypassesQuiet, int rateMax, int rateWindowSeconds, boolean zeroReport,
            boolean enabled) {
        static RouteView of(AlertRoute r) {
            return new RouteView(r.id, r.planId, r.channel, r.target, r.secret != null && !r.secret.isBlank(),
                    r.quietStart, r.quietEnd, r.majorBypassesQuiet, r.rateMax, r.rateWindowSeconds, r.zeroReport, r.enabled);
        }
    }

    @Inject
    AlertRouteRepository routes;
    @Inject
    AlertPlans plans;
    @Inject
    Clock clock;
    @Inject
    WebhookClient webhooks;

    @POST
    @Transactional
    public Response create(@Valid @NotNull RouteRequest r) {
        if (r.planId() != null && !plans.exists(r.planId())) {
            throw ApiException.badRequest("planId", "监测方案不存在");
        }
        boolean email = "EMAIL".equals(r.channel());
        if (email && !r.target().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw ApiException.badRequest("target", "不是有效的电子邮件地址");
        }
        if (!email && !r.target().matches("https?://\\S+")) {
            throw ApiException.badRequest("target", "机器人 webhook 地址必须以 http:// 或 https:// 开头");
        }
        String refused = email ? null : webhooks.refusal(r.target());
        if (refused != null) {
            throw ApiException.badRequest("target", "机器人 webhook 地址不允许：" + refused
                    + "（内网机器人需由管理员加入 tingfeng.notify.allowed-hosts）");
        }
        if ((r.quietStart() == null) != (r.quietEnd() == null)) {
            throw ApiException.badRequest("quietEnd", "免打扰时段需同时填写开始和结束时间");
        }
        AlertRoute a = new AlertRoute();
        a.planId = r.planId();
        a.channel = r.channel();
        a.target = r.target();
        a.secret = r.secret();
        a.quietStart = r.quietStart();
        a.quietEnd = r.quietEnd();
        a.majorBypassesQuiet = r.majorBypassesQuiet() == null || r.majorBypassesQuiet();
        a.rateMax = r.rateMax() == null ? 20 : r.rateMax();
        a.rateWindowSeconds = r.rateWindowSeconds() == null ? 60 : r.rateWindowSeconds();
        a.zeroReport = r.zeroReport() == null || r.zeroReport();
        a.createdAt = clock.instant();
        routes.persist(a);
        return Response.status(201).entity(RouteView.of(a)).build();
    }

    @GET
    @Transactional
    public List<RouteView> list(@QueryParam("plan") Long planId) {
        return (planId == null ? routes.listAll() : routes.list("planId", planId)).stream().map(RouteView::of).toList();
    }
}
