package cn.tingfeng.notify;

import cn.tingfeng.shared.Grade;

import java.time.Instant;

/**
 * Something to tell analysts. {@code episode} distinguishes repeated alerts of the same kind for the same
 * incident (for RISING: when the rising phase began; for REGRADE_UP the new grade is enough; for
 * ZERO_REPORT: the period, e.g. "2026-11-21T08:00/12:00"). Nullable fields: grade, category, summary, link.
 */
public record Alert(Kind kind, String incidentId, String title, Grade grade, String category, String summary,
                    String link, Instant at, String episode) {

    public enum Kind {
        NEW_INCIDENT("新舆情"), REGRADE_UP("舆情升级"), RISING("热度上升"), ZERO_REPORT("定时零汇报");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
