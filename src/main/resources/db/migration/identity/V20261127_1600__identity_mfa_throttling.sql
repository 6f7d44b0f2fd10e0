-- Second factor (TOTP, RFC 6238), recovery codes and sign-in throttling (security.md §9, §10).
alter table identity.account
    add column totp_last_step bigint,
    add column totp_enrolled_at timestamptz,
    add column password_changed_at timestamptz not null default now(),
    add column updated_at timestamptz not null default now();

-- one-time recovery codes, stored as Argon2 hashes; a used code keeps its row with used_at
create table identity.recovery_code (
    id uuid primary key,
    account_id uuid not null references identity.account (id),
    code_hash text not null,
    created_at timestamptz not null default now(),
    used_at timestamptz
);
create index recovery_code_account on identity.recovery_code (account_id) where used_at is null;

-- every sign-in attempt, by the lower-cased username typed (known or not, so both are throttled alike)
create table identity.sign_in_attempt (
    id bigint generated always as identity primary key,
    username_key text not null,
    occurred_at timestamptz not null default now(),
    succeeded boolean not null,
    step text not null check (step in ('PASSWORD', 'SECOND_FACTOR'))
);
create index sign_in_attempt_recent on identity.sign_in_attempt (username_key, occurred_at);
grant usage, select on all sequences in schema identity to ${app_role};
