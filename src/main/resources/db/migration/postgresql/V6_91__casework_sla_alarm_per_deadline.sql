-- An SLA alarm is claimed per deadline, not per stage: an extension approved after the breach moves the deadline but
-- not the start of the stage, and the new deadline must be watched again. The key still makes a second claim for
-- the same deadline, by another instance or after a restart, fail. (H2 names the key differently: see its own copy.)
alter table casework_sla_alarm drop constraint casework_sla_alarm_pkey;
alter table casework_sla_alarm add primary key (case_id, state, stage_started_at, deadline, level);
