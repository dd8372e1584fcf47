package cn.tingfeng.crawl.fetch;

/** How a fetch ended; the kinds double as the error kinds of source health. */
public enum FetchOutcome {
    OK, NOT_MODIFIED, GONE, HTTP_ERROR, BLOCKED_BY_ROBOTS, BLOCKED_PRIVATE_ADDRESS, TOO_LARGE, TOO_MANY_REDIRECTS,
    TIMEOUT, DEADLINE_EXCEEDED, NETWORK_ERROR, RATE_LIMITED, INVALID_URL;

    public boolean isSuccess() {
        return this == OK || this == NOT_MODIFIED;
    }
}
