-- An extension's dates stay in the history: the deadline in force before the line and the one it asks for (a
-- request) or sets (an approval; the approver is the line's actor). The indicators judge an extended case on time
-- against the approved date, so they need it from the record, not from the case's current row.
alter table casework_case_history add column old_deadline timestamp with time zone;
alter table casework_case_history add column new_deadline timestamp with time zone;
