-- The distinct room numbers, for the address search (see the PostgreSQL version of this file).
create index registry_household_room_number on registry_household (room);
