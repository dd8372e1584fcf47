package cn.tingfeng.shared.text;

/** LIKE patterns for user text: its {@code %}, {@code _} and the escape character itself match literally. */
public final class SqlLike {
    /** The escape character the patterns use: write {@code like ? escape '!'}. */
    public static final char ESCAPE = '!';

    private SqlLike() {
    }

    /** {@code %text%} with the text's wildcards escaped (for {@code like ? escape '!'}). */
    public static String contains(String text) {
        return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
