-- Corrections of a resident's details are optimistic: the form and the API send the version they read, and a
-- correction based on an older version is refused instead of silently overwriting someone else's.
alter table registry_resident add column version integer not null default 0;
