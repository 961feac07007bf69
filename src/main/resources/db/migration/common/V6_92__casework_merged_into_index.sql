-- The case page lists the cases merged into a case (关联工单): look them up by merged_into. PostgreSQL does not index
-- a foreign key's column by itself.
create index casework_case_merged_into on casework_case (merged_into);
