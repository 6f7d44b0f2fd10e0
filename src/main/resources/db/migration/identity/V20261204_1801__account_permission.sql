-- Permissions granted to single accounts on top of their role (issue 18: research extracts). A revoked grant keeps
-- its row with who revoked it and when; a new grant after a revocation is a new row.
create table identity.account_permission (
    id uuid primary key,
    account_id uuid not null references identity.account (id),
    permission text not null check (permission in ('RESEARCH_EXTRACT')),
    granted_at timestamptz not null default now(),
    granted_by text not null,
    revoked_at timestamptz,
    revoked_by text,
    check ((revoked_at is null) = (revoked_by is null))
);
create unique index account_permission_current on identity.account_permission (account_id, permission)
    where revoked_at is null;
grant select, insert, update on identity.account_permission to ${app_role};
