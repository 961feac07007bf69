-- Name search through an index the registry keeps itself (NameIndex): for every resident, one row per character of
-- the name with the character after it ('' after the last), under each grid the resident is seen in (the grids of the
-- households they belong to now, or left last: the scope rule of ResidentStore). A search for part of a name looks up
-- its last two characters, or its one character, under the reader's grids; the index leads with the character and
-- then the grid, so a community seeks its few grids and reads only its matches, and the city reads one range of the
-- index instead of every resident. Names are stored in plaintext in
-- registry_resident, so the index holds nothing the resident table does not; the name is repeated here so that the
-- matches are filtered and ordered from the index alone. No foreign key: the rows are derived, rewritten in the
-- transaction of every change that moves them, and a key check per row would slow the import. The index on it and
-- the rows of residents already registered come in V7_61 (per vendor: PostgreSQL counts characters in code points
-- and has INCLUDE).
create table registry_name_index (
    grid_id     bigint      not null,
    first_char  varchar(2)  not null,
    next_char   varchar(2)  not null,
    resident_id bigint      not null,
    name        varchar(50) not null
);
