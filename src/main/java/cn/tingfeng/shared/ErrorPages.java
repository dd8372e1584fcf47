package cn.tingfeng.shared;

/**
 * The Chinese error page of the web UI (the API answers {@link ApiError} JSON instead): a title per status, the
 * message escaped, a way back. Never the framework's English page, never a stack trace.
 */
public final class ErrorPages {
    private ErrorPages() {
    }

    /** True for requests of the web UI (pages and their forms), false for the API and the operations endpoints. */
    public static boolean isWeb(String path) {
        return path != null && (path.equals("/") || path.equals("/home") || path.startsWith("/app") || path.equals("/logout")
                || path.equals("/j_security_check"));
    }

    public static String title(int status) {
        return switch (status) {
            case 400 -> "请求有误";
            case 403 -> "无权访问";
            case 404 -> "页面不存在";
            case 405 -> "不支持该操作";
            case 409 -> "操作冲突";
            case 413 -> "提交的内容过大";
            case 414 -> "请求地址过长";
            case 415 -> "不支持的内容类型";
            case 429 -> "操作过于频繁";
            default -> status >= 500 ? "服务器内部错误" : "请求无法处理";
        };
    }

    public static String html(int status, String message) {
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>" + title(status)
                + " · 听风</title><link rel=\"stylesheet\" href=\"/static/app.css\"></head><body><main><section class=\"card\">"
                + "<h1>" + title(status) + "</h1><p>" + escape(message) + "</p><p class=\"hint\">状态码 " + status
                + "</p><p><a href=\"/home\">返回工作台</a></p></section></main></body></html>";
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
