-- The distinct room numbers, for the address search (HouseholdStore.searchByAddress): a search across the city reads
-- the few rooms that match instead of every household. registry_household is written while Linli runs, so the index
-- is built CONCURRENTLY, outside a transaction (V7_62__registry_household_room.sql.conf), which needs Flyway's
-- session-level lock (spring.flyway.postgresql.transactional-lock: false): see docs/decisions/0010. One statement and
-- no "if not exists": a build that fails leaves an invalid index, and the next start then stops on it, loudly,
-- until it is dropped.
create index concurrently registry_household_room_number on registry_household (room);
