-- access: 三员分立 enforced by the database too. Each of the three administrator roles fills the same slot 'A' of a
-- user, and a user has only one such slot, so no account can hold two of them whatever writes the table.
alter table access_user_role add column administrator_slot char(1) generated always as
    (case when role in ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN') then 'A' end);
alter table access_user_role add constraint access_user_one_administrator_role unique (user_id, administrator_slot);
