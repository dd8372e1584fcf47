package cn.tingfeng.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Map;

/** Role names in Chinese for the administrator's pages ({@code inject:adminRoles}). */
@Named("adminRoles")
@ApplicationScoped
public class AdminRoles {
    public Map<String, String> labels() {
        return AdminPages.ROLE_LABELS;
    }

    public String label(String role) {
        return AdminPages.ROLE_LABELS.getOrDefault(role, role);
    }
}
