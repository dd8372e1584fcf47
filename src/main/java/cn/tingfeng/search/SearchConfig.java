package cn.tingfeng.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The search, prefix {@code tingfeng.search} (docs/search.md). */
@ConfigMapping(prefix = "tingfeng.search")
public interface SearchConfig {
    /**
     * How often the indexer takes the posts not indexed yet: new posts, posts whose text changed, posts stored before
     * the index existed (a duration, or "off").
     */
    @WithDefault("5s")
    String backfillEvery();

    /**
     * Index a post inside the transaction that stores it (searchable at its commit, but segmentation and ~70 term rows
     * cost about 5 ms per post on the storing path: storing fell from ~1,450 to ~150 posts/s). Off by default: the
     * indexer job indexes new posts within {@code backfill-every}; the tests turn it on to search right after storing.
     */
    @WithDefault("false")
    boolean indexOnStore();

    /**
     * A phrase or single character is checked against the text of every candidate (the posts with all its words) when
     * there are at most this many; above, the page is found by checking candidates in rank order and the total is
     * estimated from a sample (shown as 约 N 条, {@code totalExact=false}).
     */
    @WithDefault("5000")
    int phraseExactLimit();

    /** How many candidates, spread over the whole list, the estimate checks. */
    @WithDefault("2000")
    int phraseSample();
}
