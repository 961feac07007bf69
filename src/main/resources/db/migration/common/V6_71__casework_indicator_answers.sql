-- Requests answered at once at intake (直接答复) and, of those, from a knowledge-base entry: counted per day like the
-- other measures. Existing days start at 0; an indicator rebuild recounts them from the history.
alter table casework_indicator_day add column answered bigint not null default 0;
alter table casework_indicator_day add column knowledge_answered bigint not null default 0;
