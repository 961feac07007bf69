-- A unit's part in a case ends when the case is dispatched again without it: the case page lists only the current
-- dispatch's main unit and co-handlers, while every unit ever dispatched keeps its row and so its sight of the case.
alter table casework_case_unit add column ended_at timestamp with time zone;
