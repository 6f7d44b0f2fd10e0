-- Care pathway (issue 17): emergency access for an A&E clinician. Owned by the pathway module.
-- A grant is never deleted: it expires, or is revoked with who and when. Only a hash of the link's secret is kept.
create schema if not exists pathway;
grant usage on schema pathway to ${app_role};
alter default privileges in schema pathway grant select, insert, update on tables to ${app_role};

create table pathway.emergency_access (
    id uuid primary key,
    patient_id uuid not null,
    -- SHA-256 of the secret in the link, hex
    token_hash text not null unique,
    created_at timestamptz not null,
    created_by text not null,
    created_by_role text not null,
    expires_at timestamptz not null,
    revoked_at timestamptz,
    revoked_by text,
    check (expires_at > created_at),
    check ((revoked_at is null) = (revoked_by is null))
);
create index emergency_access_patient on pathway.emergency_access (patient_id, created_at desc);

grant select, insert, update on pathway.emergency_access to ${app_role};
