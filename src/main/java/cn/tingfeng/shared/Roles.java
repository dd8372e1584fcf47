package cn.tingfeng.shared;

import java.util.List;

/** The five roles of Tingfeng. Every endpoint names the ones it admits. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String ANALYST = "analyst";
    /** A department user, bound to exactly one unit. */
    public static final String DEPARTMENT = "department";
    public static final String LEADER = "leader";
    /** The supervision office (督查室) and commission (监察委). */
    public static final String SUPERVISOR = "supervisor";

    public static final List<String> ALL = List.of(ADMIN, ANALYST, DEPARTMENT, LEADER, SUPERVISOR);

    private Roles() {
    }
}
