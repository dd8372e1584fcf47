-- Leaders' dashboard (issue 11): indexes for its SQL aggregates. Portable: H2 (MODE=PostgreSQL) and PostgreSQL.
-- Overdue clocks (not met, limit passed): the overdue list and the per-assignment overdue counts scan only those.
create index ix_tracking_clock_open_limit on tracking_clock (met_at, limit_at);
-- 批示 by assignment (the instruction figures join on it) and by the leader who issued them (their list).
create index ix_leader_instruction_assignment on leader_instruction (assignment_id);
create index ix_leader_instruction_issuer on leader_instruction (issued_by, issued_at);
-- Distributions of the period's incidents by grade and category.
create index ix_incident_started_grade on incident (started_at, grade, category);
