-- At most one current membership per resident and kind (人户分离 is one of each kind, never two of one). H2 has no
-- partial indexes: a generated column holds the resident id only while the membership is current, and a unique
-- index (which lets rows with a null through) enforces the same rule as PostgreSQL's partial unique index.
alter table registry_membership add column current_resident_id bigint generated always as (case when valid_to is null then resident_id end);
create unique index registry_membership_current on registry_membership (current_resident_id, kind);
