-- Reminders (issue 16): what each patient or parent account chose (channels, quiet hours), when reminders were first
-- switched on for a patient (for the centre's before/after diary completeness), and the delivery outbox. The outbox
-- holds one row per (patient, kind, due instant, channel, account): inserting it twice is a no-op, so a restart or a
-- second application node never queues a reminder twice; rows are claimed with `for update skip locked`, so two nodes
-- never deliver one row twice. Rows hold no clinical detail: the kind and the due time, nothing about product or dose.
-- Owned by the reminder module. The application role may read, insert and update, never delete.
create schema if not exists reminder;
grant usage on schema reminder to ${app_role};
alter default privileges in schema reminder grant select, insert, update on tables to ${app_role};

create table reminder.preference (
    account_id uuid primary key,
    channels text[] not null,
    quiet_start time,
    quiet_end time,
    updated_at timestamptz not null,
    check ((quiet_start is null) = (quiet_end is null)),
    check (quiet_start is null or quiet_start <> quiet_end)
);

create table reminder.switch_on (
    patient_id uuid primary key,
    account_id uuid not null,
    switched_on_at timestamptz not null
);

create table reminder.outbox (
    id uuid primary key,
    patient_id uuid not null,
    account_id uuid not null,
    kind text not null check (kind ~ '^[A-Z_]{1,40}$'),
    due_at timestamptz not null,
    channel text not null check (channel in ('IN_APP', 'EMAIL', 'WEB_PUSH')),
    deliver_at timestamptz not null,
    link text,
    status text not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts integer not null default 0,
    last_error text,
    created_at timestamptz not null,
    sent_at timestamptz,
    sent_by text,
    unique (patient_id, kind, due_at, channel, account_id)
);
create index reminder_outbox_pending on reminder.outbox (deliver_at) where status = 'PENDING';
create index reminder_outbox_patient on reminder.outbox (patient_id, due_at);

-- Web Push (RFC 8030/8292): the server's VAPID key pair, made on first start and kept here so every node and every
-- restart signs with the same key; and each account's browser subscriptions.
create table reminder.vapid_key (
    id integer primary key check (id = 1),
    public_key text not null,
    private_key text not null,
    created_at timestamptz not null
);

create table reminder.push_subscription (
    endpoint text primary key check (length(endpoint) between 10 and 1000),
    account_id uuid not null,
    p256dh text,
    auth text,
    created_at timestamptz not null,
    withdrawn_at timestamptz
);
create index push_subscription_account on reminder.push_subscription (account_id) where withdrawn_at is null;
grant select, insert, update on all tables in schema reminder to ${app_role};
