package cn.tingfeng.tracking;

import cn.tingfeng.audit.AuditLog;
import cn.tingfeng.audit.CanonicalJson;
import cn.tingfeng.incident.Incident;
import cn.tingfeng.incident.IncidentCreated;
import cn.tingfeng.incident.IncidentRepository;
import cn.tingfeng.jurisdiction.Territory;
import cn.tingfeng.jurisdiction.TerritoryRepository;
import cn.tingfeng.post.Post;
import cn.tingfeng.post.PostRepository;
import cn.tingfeng.security.CurrentUser;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Grade;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An analyst creates an incident directly (the API of issue 6); fires {@link IncidentCreated} and audits it. */
@ApplicationScoped
public class IncidentIntake {
    @Inject
    IncidentRepository incidents;
    @Inject
    TerritoryRepository territories;
    @Inject
    PostRepository posts;
    @Inject
    AuditLog audit;
    @Inject
    CurrentUser user;
    @Inject
    Clock clock;
    @Inject
    Event<IncidentCreated> created;

    @Transactional
    public Incident create(String title, String summary, Grade grade, Instant startedAt, String territory, List<Long> postIds) {
        Instant now = CanonicalJson.micros(clock.instant());
        if (startedAt.isAfter(now)) throw ApiException.badRequest("startedAt", "不能晚于当前时间");
        Incident i = new Incident();
        i.title = title.strip();
        i.summary = summary;
        i.grade = grade;
        i.status = Incident.CONFIRMED;
        i.startedAt = CanonicalJson.micros(startedAt);
        i.firstSeenAt = now;
        Territory place = null;
        if (territory != null && !territory.isBlank()) {
            place = territories.findByCode(territory.strip())
                    .or(() -> territories.find("name", territory.strip()).firstResultOptional())
                    .orElseThrow(() -> ApiException.badRequest("territory", "未知的行政区划：" + territory));
            i.territoryId = place.id;
        }
        List<Long> ids = postIds == null ? List.of() : postIds;
        for (int k = 0; k < ids.size(); k++) {
            int index = k;
            Post p = posts.findByIdOptional(ids.get(k))
                    .orElseThrow(() -> ApiException.badRequest("postIds[" + index + "]", "信息不存在"));
            i.posts.add(p);
        }
        i.createdBy = user.username();
        i.createdAt = now;
        i.updatedAt = now;
        incidents.persist(i);
        created.fire(new IncidentCreated(i.id));
        audit.append(user.username(), "incident.created", "incident", i.id, AssignmentService.payload(
                "title", i.title, "grade", grade.name(), "startedAt", i.startedAt,
                "territory", place == null ? null : place.code, "postIds", new ArrayList<>(ids)));
        return i;
    }

}
