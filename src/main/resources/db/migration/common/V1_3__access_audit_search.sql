-- access: the audit page filters by actor and by action, newest first
create index access_audit_actor on access_audit (actor, occurred_at);
create index access_audit_action on access_audit (action, occurred_at);
