package cn.tingfeng.jurisdiction.proposal;

import cn.tingfeng.jurisdiction.classify.ClassificationView.AssigneeView;
import java.time.Instant;
import java.util.List;

/** What proposals and corrections look like at the API edge. */
public final class ProposalViews {
    private ProposalViews() {
    }

    /**
     * The classifier's proposal as made (level … rationale, flags, version) plus {@code current}: the assignment
     * after the latest correction (the proposal itself when uncorrected), and every correction.
     */
    public record ProposalView(Long incidentId, String level, String territory, AssigneeView lead, List<AssigneeView> co,
                               String grade, double confidence, List<String> rationale, List<String> flags,
                               String classifierVersion, Instant createdAt, boolean corrected, Snapshot current,
                               List<CorrectionView> corrections) {
    }

    public record CorrectionView(Long id, String correctedBy, Instant correctedAt, String reason, Snapshot before,
                                 Snapshot after, List<String> learnedTerms, List<String> learnedPlaces) {
    }
}
