-- Retention (PIPL art. 19, 47): once the period for its kind has passed, a resident who left the city or died is
-- anonymised: name replaced, document and phone (ciphertext and blind index) deleted, birth date kept to the year.
-- The row stays, with its gender, status and memberships, so counts by grid, age band and gender still add up.
alter table registry_resident add column anonymised_on date;
alter table registry_resident alter column document_number drop not null;
alter table registry_resident alter column document_index drop not null;

-- One row per scheduled job of the registry. A run locks its row (select ... for update skip locked) for its whole
-- transaction, so of several instances exactly one does the work and the others skip; the row keeps the last run.
create table registry_job (
    name             varchar(40)   primary key,
    last_started_at  timestamp with time zone,
    last_finished_at timestamp with time zone,
    last_actor       varchar(64),
    last_result      varchar(1000)
);
insert into registry_job (name) values ('retention');
