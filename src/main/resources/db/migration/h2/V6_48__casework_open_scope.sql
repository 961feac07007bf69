-- The dispatch board's queue counts (PostgreSQL keeps this index for open cases only; H2 has no partial indexes).
create index casework_case_open_scope on casework_case (state, county_id, township_id, community_id, grid_id);
