-- Accounts, roles and what each account may reach. Owned by the identity module.
create schema identity;
grant usage on schema identity to ${app_role};
alter default privileges in schema identity grant select, insert, update on tables to ${app_role};
alter default privileges in schema identity grant usage, select on sequences to ${app_role};

create table identity.account (
    id uuid primary key,
    username text not null,
    password_hash text not null,
    display_name text not null,
    role text not null check (role in ('PATIENT', 'CLINICIAN', 'NURSE', 'PHYSIO', 'SOCIAL_WORKER', 'LAB',
        'NETWORK_ANALYST', 'COMMISSIONER', 'ADMIN')),
    enabled boolean not null default true,
    totp_secret text,
    locale text,
    version integer not null default 0,
    created_at timestamptz not null default now()
);
create unique index account_username on identity.account (lower(username));

-- staff: the centres whose patients they care for
create table identity.account_centre (
    account_id uuid not null references identity.account (id),
    centre_id uuid not null,
    primary key (account_id, centre_id)
);

-- patients and guardians: the records the account holds
create table identity.account_patient (
    account_id uuid not null references identity.account (id),
    patient_id uuid not null,
    relationship text not null check (relationship in ('SELF', 'GUARDIAN')),
    primary key (account_id, patient_id)
);
create index account_patient_patient on identity.account_patient (patient_id);
grant delete on identity.account_centre, identity.account_patient to ${app_role};
