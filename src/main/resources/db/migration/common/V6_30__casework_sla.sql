-- SLA alarms: one row per reminder the platform raised for a breached stage (level 1 at the breach, level 2 the next
-- working day, standards.md "a reminder notice the day after breach"). The row is the claim: inserted in the same
-- transaction as the history line, under a key that makes a second claim by another instance, or after a restart,
-- fail instead of reminding twice. A stage is one (case, state, start of the stage).
create table casework_sla_alarm (
    case_id            bigint      not null references casework_case (id),
    state              varchar(16) not null,
    stage_started_at   timestamp with time zone not null,
    level              smallint    not null,
    deadline           timestamp with time zone not null,
    unit_id            bigint,
    supervisor_unit_id bigint,
    raised_at          timestamp with time zone not null,
    primary key (case_id, state, stage_started_at, level)
);
