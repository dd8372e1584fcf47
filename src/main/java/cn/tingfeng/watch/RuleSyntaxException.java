package cn.tingfeng.watch;

/** A rule that does not parse; the message is Chinese and names the 1-based character position. */
public final class RuleSyntaxException extends IllegalArgumentException {

    private final int position;
    private final String reason;

    public RuleSyntaxException(int position, String reason) {
        super("第 " + position + " 个字符处" + reason);
        this.position = position;
        this.reason = reason;
    }

    /** 1-based character position in the rule text. */
    public int position() {
        return position;
    }

    /** The message without the position prefix. */
    public String reason() {
        return reason;
    }

    public RuleError toError() {
        return new RuleError(position, getMessage());
    }

    /** For the rule editor: where and what. */
    public record RuleError(int position, String message) {
    }
}
