-- access: when each account last signed in, for the account list of the system and security administrators (等保:
-- accounts unused for long are found and disabled). Filled from the audit log's successful logins, so it is known
-- for every login the log still holds; afterwards each successful login sets it.
alter table access_user add column last_login_at timestamp with time zone;
update access_user set last_login_at = (select max(a.occurred_at) from access_audit a
                                         where a.action = 'LOGIN_SUCCEEDED' and a.subject = access_user.username);
