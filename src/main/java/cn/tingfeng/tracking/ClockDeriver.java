package cn.tingfeng.tracking;

import cn.tingfeng.tracking.calendar.WorkdayCalendar;
import cn.tingfeng.tracking.escalation.DueAction;
import cn.tingfeng.tracking.escalation.EscalationPolicy;
import cn.tingfeng.tracking.escalation.EscalationStep;
import cn.tingfeng.tracking.escalation.Ladder;
import cn.tingfeng.tracking.sla.Anchor;
import cn.tingfeng.tracking.sla.GradeRules;
import cn.tingfeng.tracking.sla.Obligation;
import cn.tingfeng.tracking.sla.ObligationRule;
import cn.tingfeng.tracking.sla.PolicySnapshot;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Derives an assignment's clocks from its append-only history, the policy frozen on it and the
 * escalation steps already recorded. Pure: the same inputs always give the same clocks; call it with
 * the history plus a candidate event to validate the candidate before appending it (an invalid
 * transition throws {@link IllegalStateException} with a Chinese message).
 *
 * <p>Rules beyond the obvious:
 * <ul>
 *   <li>Any act of the unit that handles the item (response, press conference, feedback, close request)
 *       implies 签收 if the unit had not acknowledged yet: the ack clock is met at that act. A dispute
 *       (申请改派) is its own state and never counts as 签收: the unit says the item is not theirs.</li>
 *   <li>The first response is met at the earliest stated publication time of all releases, the press
 *       conference at the earliest stated time; a stated time later than its recording is rejected.</li>
 *   <li>A close request meets the close clock; 退回 reopens it with the original deadline (rework buys no
 *       time); 办结 keeps it met and stops every other clock.</li>
 *   <li>A dispute does not pause the clocks (it must not become a way to dodge a deadline). If the
 *       decision is 改派, every unmet clock of this assignment stops at the decision; the new unit's
 *       assignment counts first response and press conference from the same incident start.</li>
 *   <li>A stopped clock keeps the status it had when it stopped (an unmet obligation stays visible);
 *       it never escalates again.</li>
 *   <li>START_ADJUSTED moves every clock anchored on the incident start; steps already recorded stay
 *       recorded (each step is issued once per clock).</li>
 * </ul>
 */
public final class ClockDeriver {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(WorkdayCalendar.ZONE);
    private static final Obligation[] FIXED = {
            Obligation.ACK, Obligation.FIRST_RESPONSE, Obligation.PRESS_CONFERENCE, Obligation.FEEDBACK, Obligation.CLOSE};

    private final WorkdayCalendar calendar;

    public ClockDeriver(WorkdayCalendar calendar) {
        this.calendar = calendar;
    }

    public AssignmentClocks derive(PolicySnapshot policy, List<AssignmentEvent> history,
                                   Map<String, Set<EscalationStep>> recorded, Instant now) {
        Replay r = replay(policy, history);
        GradeRules rules = policy.rules();
        EscalationPolicy escalation = new EscalationPolicy(policy.escalation());
        Instant stop = r.state.isTerminal() ? r.terminalAt : null;
        List<ObligationClock> clocks = new ArrayList<>();
        for (Obligation o : FIXED) {
            if (r.role == AssignmentRole.CO && (o == Obligation.FIRST_RESPONSE || o == Obligation.PRESS_CONFERENCE)) continue;
            ObligationRule rule = rules.rule(o);
            if (rule == null) continue;
            Anchor anchor = rules.anchor(o);
            Instant start = anchor == Anchor.INCIDENT_START ? r.incidentStart : r.assignedAt;
            clocks.add(clock(o.key(), o, null, rule, anchor, start, null, r.metAt(o), stop, recorded, now, escalation));
        }
        for (Map.Entry<String, Instruction> e : r.instructions.entrySet()) {
            Instruction in = e.getValue();
            clocks.add(clock(Obligation.INSTRUCTION.key() + ":" + e.getKey(), Obligation.INSTRUCTION, e.getKey(),
                    rules.instruction(), Anchor.ISSUED, in.issuedAt, in.dueAt, in.completedAt, stop, recorded, now, escalation));
        }
        Instant next = null;
        for (ObligationClock c : clocks) {
            if (c.nextActionAt() != null && (next == null || c.nextActionAt().isBefore(next))) next = c.nextActionAt();
        }
        return new AssignmentClocks(r.versionId, r.role, r.state, r.incidentStart, clocks, next);
    }

    /** The steps due now on every open clock; {@code clockRef} = {@code assignmentRef + "/" + key}. */
    public List<DueAction> dueActions(String assignmentRef, PolicySnapshot policy, AssignmentClocks clocks,
                                      Map<String, Set<EscalationStep>> recorded, Instant now) {
        EscalationPolicy escalation = new EscalationPolicy(policy.escalation());
        List<DueAction> out = new ArrayList<>();
        for (ObligationClock c : clocks.clocks()) {
            if (c.nextActionAt() == null || c.nextActionAt().isAfter(now)) continue;
            out.addAll(escalation.due(assignmentRef + "/" + c.key(), c.ladder(), c.isOpen(),
                    recorded.getOrDefault(c.key(), Set.of()), now));
        }
        return out;
    }

    private ObligationClock clock(String key, Obligation o, String instructionId, ObligationRule rule, Anchor anchor,
                                  Instant start, Instant explicitDue, Instant metAt, Instant stoppedAt,
                                  Map<String, Set<EscalationStep>> recorded, Instant now, EscalationPolicy escalation) {
        Instant target;
        Instant limit;
        String ruleText;
        if (explicitDue != null) {
            target = explicitDue;
            limit = explicitDue;
            ruleText = "领导批示要求 " + MINUTE.format(explicitDue) + " 前办理完毕";
        } else {
            target = rule.target().after(start, calendar);
            limit = rule.limit().after(start, calendar);
            if (limit.isBefore(target)) limit = target;
            ruleText = rule.describe(anchor);
        }
        Instant reminderAt = rule.remindBefore() == null ? null : rule.remindBefore().before(target, calendar);
        if (reminderAt != null && !reminderAt.isAfter(start)) reminderAt = null;
        Instant accountabilityAt = rule.accountabilityAfter() == null ? null : rule.accountabilityAfter().after(limit, calendar);
        Ladder ladder = new Ladder(reminderAt, target, limit, accountabilityAt);
        if (metAt != null) stoppedAt = null; // met wins
        ClockStatus status = status(target, limit, metAt, stoppedAt, now);
        boolean open = metAt == null && stoppedAt == null;
        Instant next = escalation.nextActionAt(ladder, open, recorded.getOrDefault(key, Set.of()));
        boolean wd = explicitDue == null && rule.target().isWorkingDays();
        return new ObligationClock(key, o, instructionId, wd, status, start, target, limit, metAt, stoppedAt,
                o.label() + "：" + ruleText, ladder, next);
    }

    static ClockStatus status(Instant target, Instant limit, Instant metAt, Instant stoppedAt, Instant now) {
        if (metAt != null) {
            if (metAt.isBefore(target)) return ClockStatus.MET;
            if (metAt.isBefore(limit)) return ClockStatus.LATE;
            return ClockStatus.BREACHED;
        }
        Instant t = stoppedAt != null && stoppedAt.isBefore(now) ? stoppedAt : now;
        if (t.isBefore(target)) return ClockStatus.PENDING;
        if (t.isBefore(limit)) return ClockStatus.WARNING;
        return ClockStatus.OVERDUE;
    }

    /**
     * {@link #status} in SQL over a {@code tracking_clock} alias (no stop instant: the stored row's status at
     * {@code :now}), for aggregates that must not load the rows. Same half-open deadlines; {@code ClockStatusSqlTest}
     * checks both forms agree.
     */
    static String sqlStatus(String c) {
        return "case when " + c + ".met_at is not null then (case when " + c + ".met_at < " + c + ".target_at then 'met'"
                + " when " + c + ".met_at < " + c + ".limit_at then 'late' else 'breached' end)"
                + " when :now < " + c + ".target_at then 'pending' when :now < " + c + ".limit_at then 'warning'"
                + " else 'overdue' end";
    }

    // ------------------------------------------------------------------ replay

    private static final class Instruction {
        final Instant issuedAt;
        final Instant dueAt;
        Instant completedAt;

        Instruction(Instant issuedAt, Instant dueAt) {
            this.issuedAt = issuedAt;
            this.dueAt = dueAt;
        }
    }

    private static final class Replay {
        String versionId;
        AssignmentRole role;
        AssignmentState state;
        Instant assignedAt;
        Instant incidentStart;
        Instant terminalAt;
        Instant ackAt;
        Instant firstResponseAt;
        Instant pressAt;
        Instant feedbackAt;
        Instant closeRequestAt;
        final Map<String, Instruction> instructions = new LinkedHashMap<>();

        Instant metAt(Obligation o) {
            return switch (o) {
                case ACK -> ackAt;
                case FIRST_RESPONSE -> firstResponseAt;
                case PRESS_CONFERENCE -> pressAt;
                case FEEDBACK -> feedbackAt;
                case CLOSE -> closeRequestAt;
                case INSTRUCTION -> throw new IllegalArgumentException();
            };
        }

        void unitActed(Instant at) {
            if (ackAt == null) ackAt = at;
        }
    }

    private static Replay replay(PolicySnapshot policy, List<AssignmentEvent> history) {
        if (history == null || history.isEmpty() || history.get(0).type() != EventType.ASSIGNED) {
            throw new IllegalStateException("交办记录必须以“交办”事件开始");
        }
        Replay r = new Replay();
        long lastSeq = Long.MIN_VALUE;
        for (AssignmentEvent e : history) {
            if (e.seq() <= lastSeq) throw new IllegalStateException("交办事件序号必须递增: " + e.seq());
            lastSeq = e.seq();
            if (r.state != null && r.state.isTerminal()) {
                throw new IllegalStateException("交办已" + (r.state == AssignmentState.CLOSED ? "办结" : "改派") + "，不能再记录事件");
            }
            switch (e.type()) {
                case ASSIGNED -> {
                    if (r.state != null) throw new IllegalStateException("重复的交办事件");
                    if (e.time() == null) throw new IllegalStateException("交办事件缺少舆情起始时间");
                    if (e.ref() != null && !e.ref().equals(policy.versionId())) {
                        throw new IllegalStateException("交办冻结的期限政策版本为 " + e.ref() + "，与提供的 " + policy.versionId() + " 不符");
                    }
                    r.versionId = policy.versionId();
                    r.role = e.role() == null ? AssignmentRole.LEAD : e.role();
                    r.state = AssignmentState.ACTIVE;
                    r.assignedAt = e.at();
                    r.incidentStart = e.time();
                }
                case ACKNOWLEDGED -> {
                    if (r.ackAt != null) throw new IllegalStateException("该交办已签收");
                    r.ackAt = e.at();
                }
                case RESPONSE_PUBLISHED -> {
                    Instant t = stated(e, "发布时间");
                    r.unitActed(e.at());
                    if (r.firstResponseAt == null || t.isBefore(r.firstResponseAt)) r.firstResponseAt = t;
                }
                case PRESS_CONFERENCE_HELD -> {
                    Instant t = stated(e, "发布会时间");
                    r.unitActed(e.at());
                    if (r.pressAt == null || t.isBefore(r.pressAt)) r.pressAt = t;
                }
                case FEEDBACK_REPORTED -> {
                    r.unitActed(e.at());
                    if (r.feedbackAt == null) r.feedbackAt = e.at();
                }
                case CLOSE_REQUESTED -> {
                    require(r.state == AssignmentState.ACTIVE, r.state == AssignmentState.CLOSE_REQUESTED
                            ? "已申请办结，等待审核" : "改派申请处理中，不能申请办结");
                    r.unitActed(e.at());
                    r.closeRequestAt = e.at();
                    r.state = AssignmentState.CLOSE_REQUESTED;
                }
                case CLOSED -> {
                    require(r.state == AssignmentState.CLOSE_REQUESTED, "责任单位尚未申请办结");
                    r.state = AssignmentState.CLOSED;
                    r.terminalAt = e.at();
                }
                case RETURNED -> {
                    require(r.state == AssignmentState.CLOSE_REQUESTED, "没有待审核的办结申请，无法退回");
                    requireReason(e, "退回");
                    r.closeRequestAt = null;
                    r.state = AssignmentState.ACTIVE;
                }
                case DISPUTED -> {
                    require(r.state == AssignmentState.ACTIVE, r.state == AssignmentState.DISPUTED
                            ? "已有待处理的改派申请" : "已申请办结，不能申请改派");
                    requireReason(e, "申请改派");
                    r.state = AssignmentState.DISPUTED;
                }
                case DISPUTE_DECIDED -> {
                    require(r.state == AssignmentState.DISPUTED, "没有待处理的改派申请");
                    if (e.outcome() == null) throw new IllegalStateException("改派决定缺少结果");
                    if (e.outcome() == DisputeOutcome.REASSIGNED) {
                        r.state = AssignmentState.REASSIGNED;
                        r.terminalAt = e.at();
                    } else {
                        r.state = AssignmentState.ACTIVE;
                    }
                }
                case START_ADJUSTED -> {
                    if (e.time() == null) throw new IllegalStateException("调整起始时间缺少新的起始时间");
                    requireReason(e, "调整起始时间");
                    r.incidentStart = e.time();
                }
                case INSTRUCTION_ISSUED -> {
                    require(r.role == AssignmentRole.LEAD, "领导批示只交由牵头单位办理");
                    if (e.ref() == null || e.ref().isBlank()) throw new IllegalStateException("领导批示缺少编号");
                    if (r.instructions.containsKey(e.ref())) throw new IllegalStateException("领导批示编号重复: " + e.ref());
                    r.instructions.put(e.ref(), new Instruction(e.at(), e.time()));
                }
                case INSTRUCTION_COMPLETED -> {
                    Instruction in = r.instructions.get(e.ref());
                    if (in == null) throw new IllegalStateException("未找到领导批示: " + e.ref());
                    if (in.completedAt != null) throw new IllegalStateException("领导批示已办理完毕: " + e.ref());
                    in.completedAt = e.at();
                }
            }
        }
        return r;
    }

    private static Instant stated(AssignmentEvent e, String what) {
        if (e.time() == null) throw new IllegalStateException("缺少" + what);
        if (e.time().isAfter(e.at())) throw new IllegalStateException(what + "不能晚于登记时间");
        return e.time();
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalStateException(message);
    }

    private static void requireReason(AssignmentEvent e, String what) {
        if (e.reason() == null || e.reason().isBlank()) throw new IllegalStateException(what + "必须填写理由");
    }
}
