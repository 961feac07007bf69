-- The rows of the residents registered before the name index existed, then its index (see V7_60 and the PostgreSQL
-- version of this file). H2 has no INCLUDE: the name is read from the table row. H2 counts characters in UTF-16 units,
-- so a name with a character outside the Basic Multilingual Plane is indexed here in halves and not found by a search
-- for that character until the resident is next changed; only residents registered before this version are affected.
insert into registry_name_index (grid_id, first_char, next_char, resident_id, name)
select distinct s.grid_id, substring(r.name, i.n, 1), substring(r.name, i.n + 1, 1), r.id, r.name
from (select distinct m.resident_id, h.grid_id
      from registry_membership m join registry_household h on h.id = m.household_id
      where m.valid_to is null or not exists (select 1 from registry_membership c where c.resident_id = m.resident_id
          and (c.valid_to is null or c.valid_to > m.valid_to))) s
join registry_resident r on r.id = s.resident_id
join system_range(1, 50) i(n) on i.n <= char_length(r.name)
where r.anonymised_on is null;
create unique index registry_name_index_key on registry_name_index (first_char, grid_id, next_char, resident_id);
