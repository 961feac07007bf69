-- registry imports: one row per uploaded file, processed in the background. The state lives here (not in memory),
-- so any instance can show the progress and a page reload finds the job again.
create table registry_import (
    id             varchar(36)  primary key,
    owner          varchar(64)  not null,
    file_name      varchar(200) not null,
    format         varchar(8)   not null,
    charset        varchar(16),
    headings       varchar(4000) not null,
    mapping        varchar(1000),
    status         varchar(16)  not null,
    total_rows     integer      not null default 0,
    processed_rows integer      not null default 0,
    rejected_rows  integer      not null default 0,
    imported_rows  integer      not null default 0,
    failure        varchar(100),
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null
);
create index registry_import_owner on registry_import (owner, created_at);

-- the uploaded file itself, read again when the user commits (validation and import may run on different instances)
create table registry_import_file (
    import_id varchar(36) primary key references registry_import (id) on delete cascade,
    content   bytea       not null
);

-- the rows that validation rejected: row number as the user sees it (header = row 1), the field and the message key
create table registry_import_problem (
    import_id varchar(36)  not null references registry_import (id) on delete cascade,
    row_no    integer      not null,
    field     varchar(32)  not null,
    code      varchar(100) not null,
    argument  varchar(100),
    primary key (import_id, row_no)
);
