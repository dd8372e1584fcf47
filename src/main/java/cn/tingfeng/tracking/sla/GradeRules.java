package cn.tingfeng.tracking.sla;

import cn.tingfeng.shared.Grade;

import java.util.Set;

/**
 * The rules for a set of grades. A null rule means the obligation does not apply (grades III/IV hold
 * no press conference). Default anchors: ack, feedback and close count from the assignment; first
 * response and press conference from the incident start; instructions from their issue.
 */
public record GradeRules(Set<Grade> grades,
                         ObligationRule ack,
                         ObligationRule firstResponse,
                         ObligationRule pressConference,
                         ObligationRule feedback,
                         ObligationRule close,
                         ObligationRule instruction) {

    public GradeRules {
        if (grades == null || grades.isEmpty()) throw new IllegalArgumentException("期限规则缺少适用的等级");
        grades = java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(grades)); // ordered: stable JSON
        if (ack == null) throw new IllegalArgumentException("期限规则缺少签收时限 (ack)");
        if (firstResponse == null) throw new IllegalArgumentException("期限规则缺少首次回应时限 (firstResponse)");
        if (instruction == null) throw new IllegalArgumentException("期限规则缺少领导批示办理时限 (instruction)");
    }

    public ObligationRule rule(Obligation o) {
        return switch (o) {
            case ACK -> ack;
            case FIRST_RESPONSE -> firstResponse;
            case PRESS_CONFERENCE -> pressConference;
            case FEEDBACK -> feedback;
            case CLOSE -> close;
            case INSTRUCTION -> instruction;
        };
    }

    public static Anchor defaultAnchor(Obligation o) {
        return switch (o) {
            case FIRST_RESPONSE, PRESS_CONFERENCE -> Anchor.INCIDENT_START;
            case INSTRUCTION -> Anchor.ISSUED;
            default -> Anchor.ASSIGNED;
        };
    }

    /** The anchor in force for an obligation (instructions always count from their issue). */
    public Anchor anchor(Obligation o) {
        if (o == Obligation.INSTRUCTION) return Anchor.ISSUED;
        ObligationRule r = rule(o);
        return r == null || r.anchor() == null ? defaultAnchor(o) : r.anchor();
    }
}
