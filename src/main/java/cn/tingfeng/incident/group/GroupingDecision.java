package cn.tingfeng.incident.group;

/** The grouper's answer for one post. */
public sealed interface GroupingDecision {

    /** The parts of the score, for the analyst; {@code conflict}: places or kinds of happening disagree. */
    record Score(double total, double text, double place, double event, double entity, boolean conflict) {
    }

    /** Join this open incident. */
    record Join(String incidentId, Score score) implements GroupingDecision {
    }

    /** Start a new incident; {@code nearest} is the best open incident considered (null if none), for review. */
    record New(String nearestIncidentId, Score nearest) implements GroupingDecision {
    }
}
