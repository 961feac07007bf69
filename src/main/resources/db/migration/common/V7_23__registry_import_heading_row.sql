-- Offices' sheets often carry a title row or two above the headings: the row the headings were found in.
alter table registry_import add column heading_row integer not null default 1;
