-- Open311 lists of open requests, newest first, with a million cases: the open cases (a few per cent of the table) by
-- the time they were received, so a page of 1,000 reads 1,000 index entries instead of filtering the closed cases out
-- of the full index on received_at. Partial, as casework_case_open_scope.
create index casework_case_open_received on casework_case (received_at)
    where state in ('RECEIVED', 'REGISTERED', 'RETURNED', 'DISPATCHED', 'IN_PROGRESS', 'HANDLED', 'SUSPENDED');
