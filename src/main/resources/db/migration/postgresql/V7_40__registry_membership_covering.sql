-- The members of a household, with who they are and whether they still belong, straight from the index: a
-- community's search starts from its grids' households and reads the residents they hold (thousands of index
-- entries rather than as many table rows), and household cards count current members the same way. H2 keeps the
-- index of V7_1 (it has no INCLUDE).
drop index registry_membership_household;
create index registry_membership_household on registry_membership (household_id, valid_from) include (resident_id, valid_to);
