-- access: the audit log becomes a hash chain. Each record gets its place in the chain, the hash of the record before
-- it and its own hash (over its content and the previous hash, prefixed with the algorithm, e.g. 'SHA-256:…').
-- access_audit_chain holds the one chain head: the last position and hash, the anchor left by a purge (the position
-- and hash of the last purged record, from which the kept records go on) and the last record id written before this
-- migration, which start-up links into the chain once.
alter table access_audit add column chain_position bigint;
alter table access_audit add column previous_hash varchar(80);
alter table access_audit add column record_hash varchar(80);
create unique index access_audit_chain_position on access_audit (chain_position);
create table access_audit_chain (
    id              integer primary key,
    last_position   bigint      not null,
    last_hash       varchar(80),
    anchor_position bigint      not null,
    anchor_hash     varchar(80),
    legacy_through  bigint      not null,
    constraint access_audit_chain_one check (id = 1)
);
insert into access_audit_chain (id, last_position, last_hash, anchor_position, anchor_hash, legacy_through)
select 1, 0, null, 0, null, coalesce(max(id), 0) from access_audit;
