-- An SLA alarm is claimed per deadline, not per stage: an extension approved after the breach moves the deadline but
-- not the start of the stage, and the new deadline must be watched again. The key still makes a second claim for
-- the same deadline, by another instance or after a restart, fail. (PostgreSQL drops its key by name: see its copy.)
alter table casework_sla_alarm drop primary key;
alter table casework_sla_alarm add primary key (case_id, state, stage_started_at, deadline, level);
