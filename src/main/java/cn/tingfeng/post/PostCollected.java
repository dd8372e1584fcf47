package cn.tingfeng.post;

/**
 * Fired by {@link PostStore} (CDI event, inside the storing transaction) when a post is new or its content changed and
 * was queued for monitoring in that same transaction ({@code post_queue}). The pipeline's worker observes it after the
 * commit only to start at once; what it processes is the queue, so a crash before or during processing loses nothing.
 */
public record PostCollected(Long postId, Change change) {
    public enum Change { NEW, UPDATED }
}
