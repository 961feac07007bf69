-- Open311 lists of open requests, newest first (PostgreSQL keeps this index for open cases only; H2 has no partial
-- indexes).
create index casework_case_open_received on casework_case (state, received_at);
