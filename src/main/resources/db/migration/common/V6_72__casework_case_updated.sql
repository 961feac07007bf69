-- The time of a case's last history line on the case row, so that lists of cases with their last change (Open311's
-- updated_datetime and updated_after) read one row per case instead of aggregating the history.
alter table casework_case add column updated_at timestamp with time zone;
update casework_case c set updated_at = (select max(h.at) from casework_case_history h where h.case_id = c.id);
update casework_case set updated_at = received_at where updated_at is null;
alter table casework_case alter column updated_at set not null;
create index casework_case_updated on casework_case (updated_at);
