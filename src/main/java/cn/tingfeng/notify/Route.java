package cn.tingfeng.notify;

/**
 * One delivery route of a plan: a channel (EMAIL, WECOM, DINGTALK), its quiet hours and rate limit.
 * With {@code majorBypassesQuiet}, alerts of grade I or II are sent during quiet hours too.
 */
public record Route(String id, Channel channel, QuietHours quietHours, RateLimiter.Limit limit,
                    boolean majorBypassesQuiet) {

    public enum Channel { EMAIL, WECOM, DINGTALK }
}
