package cn.tingfeng.jurisdiction.proposal;

import cn.tingfeng.jurisdiction.classify.ClassificationView.AssigneeView;
import java.util.List;

/** An assignment as it stood at one moment (the proposal, or after a correction). */
public record Snapshot(String level, String territory, AssigneeView lead, List<AssigneeView> co) {
    public Snapshot {
        co = co == null ? List.of() : List.copyOf(co);
    }
}
