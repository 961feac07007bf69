-- access: the second factor of administrators (TOTP, RFC 6238). The secret is stored encrypted (the stored text of a
-- protected value); confirmed_at is null until the first code from the authenticator app confirms the enrolment;
-- last_step is the time step of the last accepted code, so a code is never accepted twice.
create table access_user_totp (
    user_id       bigint primary key references access_user(id),
    secret        varchar(400) not null,
    confirmed_at  timestamp with time zone,
    last_step     bigint
);
