-- At most one open version per unit and one open boundary per unit: partial unique indexes.
create unique index territory_version_open on territory_unit_version (unit_id) where valid_to is null;
create unique index territory_boundary_open on territory_boundary (unit_id) where valid_to is null;
