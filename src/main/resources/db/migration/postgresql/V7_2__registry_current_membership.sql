-- At most one current membership per resident and kind (人户分离 is one of each kind, never two of one).
create unique index registry_membership_current on registry_membership (resident_id, kind) where valid_to is null;
