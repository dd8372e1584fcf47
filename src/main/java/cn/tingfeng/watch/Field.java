package cn.tingfeng.watch;

/** Where a term must occur: anywhere, in the title, or in the body text. */
public enum Field {
    ANY, TITLE, TEXT;

    /** Field name as written in rules ({@code title:}, {@code text:}, {@code 标题:}, {@code 正文:}); null if unknown. */
    public static Field fromRuleName(String name) {
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "title":
            case "标题":
                return TITLE;
            case "text":
            case "content":
            case "body":
            case "正文":
            case "内容":
                return TEXT;
            case "any":
            case "all":
            case "全文":
                return ANY;
            default:
                return null;
        }
    }

    public boolean admits(boolean inTitle) {
        return this == ANY || (this == TITLE) == inTitle;
    }
}
