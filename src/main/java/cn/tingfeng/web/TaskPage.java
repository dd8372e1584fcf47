package cn.tingfeng.web;

import cn.tingfeng.incident.triage.IncidentViews;
import cn.tingfeng.security.CurrentUser;
import cn.tingfeng.tracking.TrackingViews;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The department's task page: its assignment (clocks with countdowns, history, forms) and the incident read-only. */
@ApplicationScoped
class TaskPage {
    /** One clock for the clerk: name, times and the countdown (text and colour class). */
    public record TaskClock(String key, String name, Instant target, Instant limit, Instant metAt, Instant stoppedAt,
                            String countdown, String css, boolean running, String rule) {
    }

    /** An assignment with its clocks ready to show. */
    public record TaskRow(TrackingViews.AssignmentView task, List<TaskClock> clocks) {
        /** 签收 is offered while the item is being handled and not acknowledged yet. */
        public boolean canAck() {
            return "active".equals(task.status()) && clocks.stream().anyMatch(c -> "ack".equals(c.key()) && c.metAt() == null);
        }

        /** Responses, press conference and feedback may be recorded until the item is closed or reassigned. */
        public boolean open() {
            return List.of("active", "disputed", "close_requested").contains(task.status());
        }

        /** 申请办结 and 申请改派 only from 办理中 (not while a dispute or a close request is pending). */
        public boolean active() {
            return "active".equals(task.status());
        }

        public boolean hasPressConference() {
            return clocks.stream().anyMatch(c -> "pressConference".equals(c.key()));
        }
    }

    /** What the clerk typed into the form that was refused (shown again), and which form it was. */
    public record Typed(String form, String publishedAt, String channel, String url, String text, String heldAt,
                        String spokesperson, String reason) {
        static final Typed NONE = new Typed("", "", "", "", "", "", "", "");
    }

    @Inject
    TrackingViews views;
    @Inject
    IncidentViews incidents;
    @Inject
    CurrentUser user;
    @Inject
    Clock clock;
    @Inject
    cn.tingfeng.tracking.attachment.AttachmentConfig attachmentConfig;

    /** The caller's unit's queue with countdowns. */
    @Transactional
    List<TaskRow> queue() {
        Instant now = clock.instant();
        return views.unitQueue().stream().map(a -> row(a, now)).toList();
    }

    /** 404 when unknown, 403 unless the assignment is the caller's own unit's. */
    @Transactional
    TemplateInstance render(Long id, String flash, String error, Typed typed) {
        TrackingViews.AssignmentView a = views.assignment(id);
        user.requireUnit(a.unitId());
        TrackingViews.IncidentView incident = views.incident(a.incidentId());
        IncidentViews.AssessmentView assessment = incidents.assessment(a.incidentId());
        String summary = assessment.summary() != null && !assessment.summary().isBlank() ? assessment.summary() : incident.summary();
        return TaskPages.Templates.task(row(a, clock.instant()), incident, summary, incidents.posts(a.incidentId()), flash, error,
                typed == null ? Typed.NONE : typed, WebLabels.bytes(attachmentConfig.maxSize().asLongValue()));
    }

    static TaskRow row(TrackingViews.AssignmentView a, Instant now) {
        List<TaskClock> clocks = a.clocks().entrySet().stream().map(e -> clock(e, now)).toList();
        return new TaskRow(a, clocks);
    }

    private static TaskClock clock(Map.Entry<String, TrackingViews.ClockView> e, Instant now) {
        TrackingViews.ClockView c = e.getValue();
        String key = e.getKey();
        String name = key.startsWith("instruction:") ? "领导批示" : WebLabels.clockName(key);
        // a closed or reassigned assignment's unmet clock has stopped (stoppedAt): no running countdown
        CountdownFormat.Countdown cd = CountdownFormat.of(c.target(), c.limit(), c.metAt(), c.stoppedAt(), now);
        return new TaskClock(key, name, c.target(), c.limit(), c.metAt(), c.stoppedAt(), cd.text(), cd.css(), cd.running(), c.rule());
    }
}
