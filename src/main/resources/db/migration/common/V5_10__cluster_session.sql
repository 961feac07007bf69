-- HTTP sessions in the database (Spring Session JDBC, spring.session.jdbc.table-name = cluster_session), so a
-- session begun on one instance goes on on any other: staff logins, CSRF tokens, the cases a resident proved theirs.
-- Spring Session's own schema with its columns unchanged (it writes them by these names); bytea is also H2's name
-- for a variable binary. Expired rows are deleted by every instance's cleanup (a plain delete: harmless twice).
create table cluster_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint cluster_session_pk primary key (primary_id)
);

create unique index cluster_session_ix1 on cluster_session (session_id);
create index cluster_session_ix2 on cluster_session (expiry_time);
create index cluster_session_ix3 on cluster_session (principal_name);

create table cluster_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint cluster_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint cluster_session_attributes_fk foreign key (session_primary_id) references cluster_session (primary_id) on delete cascade
);
