-- Casework indicators: a rollup per subject and day, kept by a listener on CaseChanged and rebuildable from the
-- history, so the indicator page sums a few hundred rows per unit instead of scanning a million cases.
-- subject: H handling unit (organisation), A territory area (grid, community, street, district), W grid worker (user id).
create table casework_indicator_day (
    subject          char(1) not null,
    subject_id       bigint  not null,
    on_day           date    not null,
    received         bigint  not null default 0,
    registered       bigint  not null default 0,
    dispatched       bigint  not null default 0,
    dispatches       bigint  not null default 0,
    returns          bigint  not null default 0,
    due              bigint  not null default 0,
    due_closed       bigint  not null default 0,
    due_on_time      bigint  not null default 0,
    closed           bigint  not null default 0,
    one_time_closed  bigint  not null default 0,
    reworks          bigint  not null default 0,
    extensions       bigint  not null default 0,
    visits           bigint  not null default 0,
    satisfied        bigint  not null default 0,
    handled          bigint  not null default 0,
    handling_minutes bigint  not null default 0,
    primary key (subject, subject_id, on_day)
);

-- Where the rollup stands for each case: the last history line applied (a redelivered event finds nothing new) and
-- what later lines need from earlier ones (acceptance, handling deadline, the day the case is booked as due).
create table casework_indicator_case (
    case_id         bigint  primary key,
    last_history_id bigint  not null,
    worker_id       bigint,
    unit_id         bigint,
    accepted_at     timestamp with time zone,
    due_at          timestamp with time zone,
    result_at       timestamp with time zone,
    booked_day      date,
    booked_unit     bigint,
    returned        boolean not null,
    reworked        boolean not null,
    extended        boolean not null
);
create index casework_indicator_day_by_day on casework_indicator_day (subject, on_day);
