-- casework: inquiries answered at once from the knowledge base. The entry and its version are recorded with the case,
-- so that what the caller was told can be read later even after the entry changed, and counted in the indicators.
create table casework_knowledge_answer (
    case_id        bigint      not null primary key references casework_case (id),
    entry_id       bigint      not null,
    entry_version  integer     not null,
    answered_by    varchar(64) not null,
    answered_at    timestamp with time zone not null
);
create index casework_knowledge_answer_at on casework_knowledge_answer (answered_at);
