-- The dispatch board's queue counts with a million cases: the open cases' state and places in one small index, so
-- a street's counts read index entries only. Partial: closed cases (most of the table) are neither in it nor
-- update it.
create index casework_case_open_scope on casework_case (state, county_id, township_id, community_id, grid_id)
    where state in ('RECEIVED', 'REGISTERED', 'RETURNED', 'DISPATCHED', 'IN_PROGRESS', 'HANDLED', 'SUSPENDED');
