-- Cluster signals where the database has no LISTEN/NOTIFY (the embedded H2): one counter per channel that a
-- change raises in its own transaction and every instance polls. PostgreSQL uses NOTIFY and leaves this empty.
create table cluster_signal (
    channel  varchar(40) primary key,
    counter  bigint      not null,
    sent_by  varchar(40) not null
);
