package cn.tingfeng.shared;

/** The four grades of DOMAIN.md: I 特别重大, II 重大, III 较大, IV 一般. */
public enum Grade {
    I("特别重大"), II("重大"), III("较大"), IV("一般");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** I and II are the "major" grades that carry the 3 h / 5 h / 24 h obligations of Art. 21. */
    public boolean isMajor() {
        return this == I || this == II;
    }

    /** The more serious of the two (I is the most serious); null-safe. */
    public static Grade max(Grade a, Grade b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
