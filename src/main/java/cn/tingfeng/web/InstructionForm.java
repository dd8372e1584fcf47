package cn.tingfeng.web;

import cn.tingfeng.security.CurrentUser;
import cn.tingfeng.shared.Roles;
import cn.tingfeng.tracking.InstructionList;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The 批示 section of the incident page ({@code inject:instructionForm}): whether the reader may issue one (leader),
 * what was typed into a refused form (kept), and the incident's instructions with their status.
 */
@Named("instructionForm")
@RequestScoped
public class InstructionForm {
    @Inject
    CurrentUser user;
    @Inject
    InstructionList list;

    private String text = "";
    private String dueAt = "";

    void keep(String text, String dueAt) {
        this.text = text == null ? "" : text;
        this.dueAt = dueAt == null ? "" : dueAt;
    }

    public boolean canIssue() {
        return user.has(Roles.LEADER);
    }

    /** Department users follow their 批示 on their task page; everyone else sees them on the incident page. */
    public boolean canSee() {
        return !user.isConfinedToUnit();
    }

    public String text() {
        return text;
    }

    public String dueAt() {
        return dueAt;
    }

    public List<InstructionList.Row> of(Long incidentId) {
        return canSee() ? list.ofIncident(incidentId) : List.of();
    }
}
