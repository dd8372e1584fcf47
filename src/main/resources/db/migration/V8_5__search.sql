-- Full-text search over the post archive (issue 12). Portable: H2 (MODE=PostgreSQL) and PostgreSQL.
-- The inverted index as a term table: one row per (term, post) with the term's weight in that post (title
-- occurrences count 3, body occurrences 1). Terms are HanLP words with the gazetteer's place names kept whole,
-- character bigrams of runs HanLP left as single characters, and "county:<name>" for the county-level units a post
-- is about. Written in the transaction that stores the post (cn.tingfeng.search.SearchIndexer).
create table post_term (
    term     varchar(64) not null,
    post_id  bigint      not null references post (id),
    weight   integer     not null,
    primary key (term, post_id)
);
create index ix_post_term_post on post_term (post_id);

-- Which posts are indexed and with which segmentation version: the backfill takes the posts without a row here
-- (stored before this migration) or with an older version, in id order, in batches.
create table post_indexed (
    post_id     bigint      not null primary key references post (id),
    version     integer     not null,
    terms       integer     not null,
    indexed_at  timestamp with time zone not null
);
create index ix_post_indexed_version on post_indexed (version);
