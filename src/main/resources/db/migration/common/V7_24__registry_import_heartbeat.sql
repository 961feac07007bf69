-- A running import is kept alive by its instance: heartbeat_at is renewed every few seconds while the job is queued
-- or running there. A job whose heartbeat stops (the instance died) is declared interrupted by the sweep, which runs
-- once across the cluster through its registry_job row.
alter table registry_import add column heartbeat_at timestamp with time zone;
insert into registry_job (name) values ('import-sweep');
