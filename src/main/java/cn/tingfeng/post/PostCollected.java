package cn.tingfeng.post;

/**
 * Fired by {@link PostStore} (CDI event, inside the storing transaction) when a post is new or its content changed.
 * The monitoring pipeline (matching, de-duplication, grouping) observes it.
 */
public record PostCollected(Long postId, Change change) {
    public enum Change { NEW, UPDATED }
}
