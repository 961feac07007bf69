-- Unit ids are allocated in blocks of 50 from a sequence, so a batch (a snapshot, the demo's 2,600 grids) can
-- insert its units in JDBC batches instead of one round trip per unit for a generated key.
create sequence territory_unit_seq start with 1000 increment by 50;
