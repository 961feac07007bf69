-- H2 has no partial indexes: a generated column that holds the unit id only while the period is open, with a
-- unique index (which ignores nulls), enforces the same rule as PostgreSQL's partial unique indexes.
alter table territory_unit_version add column open_unit_id bigint generated always as (case when valid_to is null then unit_id end);
create unique index territory_version_open on territory_unit_version (open_unit_id);
alter table territory_boundary add column open_unit_id bigint generated always as (case when valid_to is null then unit_id end);
create unique index territory_boundary_open on territory_boundary (open_unit_id);
