-- Statistics and the annual report (issue 11). Portable: H2 (MODE=PostgreSQL) and PostgreSQL.
-- A response's channel kind (ResponseChannel code: website, weibo, wechat, interview, interpretation, media, other)
-- and whether the principal leader (主要负责同志) spoke, so the yearly table of the government-information-disclosure
-- annual report can be counted. Old rows: channel_kind null (counted as "other"), principal_leader false.
alter table assignment_event add column channel_kind varchar(16);
alter table assignment_event add column principal_leader boolean default false not null;
create index ix_assignment_event_type_time on assignment_event (type, event_time);
create index ix_tracking_clock_key on tracking_clock (clock_key, assignment_id);
