-- The rows of the residents registered before the name index existed (see V7_60), then its index, built once the
-- rows are in (faster than keeping it while inserting). Not CONCURRENTLY: the table is new, and nothing but this
-- version of Linli, which starts after its migrations, reads or writes it; the reads of registry_resident and
-- registry_membership below block no writer. substr counts code points, as NameIndex does in Java.
insert into registry_name_index (grid_id, first_char, next_char, resident_id, name)
select distinct s.grid_id, substr(r.name, i, 1), substr(r.name, i + 1, 1), r.id, r.name
from (select distinct m.resident_id, h.grid_id
      from registry_membership m join registry_household h on h.id = m.household_id
      where m.valid_to is null or not exists (select 1 from registry_membership c where c.resident_id = m.resident_id
          and (c.valid_to is null or c.valid_to > m.valid_to))) s
join registry_resident r on r.id = s.resident_id
cross join lateral generate_series(1, char_length(r.name)) i
where r.anonymised_on is null;
create unique index registry_name_index_key on registry_name_index (first_char, grid_id, next_char, resident_id) include (name);
analyze registry_name_index;
