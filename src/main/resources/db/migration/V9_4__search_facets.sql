-- Search filters as terms (issue 12, docs/search.md "Speed"): the platform and the source of a post are rows of the
-- term table ("platform:weibo", "source:<source id>", weight 0), so that a filter on them is one more posting list in
-- the AND (a merge join of index-only scans on PostgreSQL) instead of a visit to every matching post. The indexer
-- writes them for every post it indexes from now on; these two statements add them to the posts indexed before.
insert into post_term (term, post_id, weight, published_at)
select 'platform:' || p.platform, p.id, 0, p.published_at from post p
where p.platform is not null and exists (select 1 from post_indexed i where i.post_id = p.id);

insert into post_term (term, post_id, weight, published_at)
select 'source:' || cast(p.source_id as varchar(20)), p.id, 0, p.published_at from post p
where p.source_id is not null and exists (select 1 from post_indexed i where i.post_id = p.id);
