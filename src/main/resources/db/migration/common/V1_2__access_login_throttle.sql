-- access: failed logins per username ('user:alice') and per client address ('address:10.1.2.3'), so that
-- repeated failures lock the key for a while even across restarts and across several application instances
create table access_login_throttle (
    throttle_key      varchar(200) primary key,
    failures          integer      not null,
    window_started_at timestamp with time zone not null,
    lockouts          integer      not null default 0,
    locked_until      timestamp with time zone
);
