-- casework: staff moderation of what residents wrote and photographed, before it is shown in public (the resident
-- portal and Open311 both read cases through PublicCases). The case keeps its own description and photos for the
-- staff; these rows only change the public view: a redacted description replaces the description, and a hidden
-- photo is not served.
create table casework_public_redaction (
    case_id      bigint        not null primary key references casework_case (id),
    description  varchar(4000) not null,
    redacted_by  varchar(64)   not null,
    redacted_at  timestamp with time zone not null
);

create table casework_hidden_photo (
    attachment_id  bigint      not null primary key references casework_attachment (id),
    case_id        bigint      not null references casework_case (id),
    hidden_by      varchar(64) not null,
    hidden_at      timestamp with time zone not null
);
create index casework_hidden_photo_case on casework_hidden_photo (case_id);
