-- Messages (ARCHITECTURE: secure messages between patient and centre, reminders) and the e-mail outbox. Owned by the
-- message module. A message is addressed to a patient's record (every account holding it, the patient or a parent,
-- reads it) or to a centre's team inbox. E-mails carry no clinical detail: only "you have a message, sign in"
-- (security.md §16). The application role may read, insert and update, never delete.
create schema message;
grant usage on schema message to ${app_role};
alter default privileges in schema message grant select, insert, update on tables to ${app_role};
alter default privileges in schema message grant usage, select on sequences to ${app_role};

create table message.message (
    id uuid primary key,
    recipient_kind text not null check (recipient_kind in ('PATIENT', 'CENTRE')),
    recipient_id uuid not null,
    kind text not null check (kind in ('RECALL', 'GENERAL', 'REMINDER')),
    reference text not null check (length(reference) between 1 and 200),
    subject text not null check (length(subject) between 1 and 200),
    body text not null check (length(body) between 1 and 10000),
    link text,
    created_at timestamptz not null,
    read_at timestamptz,
    read_by uuid,
    acknowledged_at timestamptz,
    acknowledged_by uuid,
    acknowledged_by_name text,
    acknowledged_by_role text,
    -- one message per recipient, kind and reference: a repeated notification (an event delivered twice) is a no-op
    unique (recipient_kind, recipient_id, kind, reference)
);
create index message_inbox on message.message (recipient_kind, recipient_id, created_at desc);

-- where to send the "you have a message" e-mail: an account's or a centre team's address
create table message.mail_address (
    owner_kind text not null check (owner_kind in ('ACCOUNT', 'CENTRE')),
    owner_id uuid not null,
    address text not null check (length(address) between 3 and 254),
    updated_at timestamptz not null,
    primary key (owner_kind, owner_id)
);

create table message.outbox (
    id uuid primary key,
    message_id uuid references message.message (id),
    to_address text not null,
    subject text not null,
    body text not null,
    status text not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts integer not null default 0,
    last_error text,
    created_at timestamptz not null,
    next_attempt_at timestamptz not null,
    sent_at timestamptz,
    unique (message_id, to_address)
);
create index outbox_pending on message.outbox (next_attempt_at) where status = 'PENDING';
grant select, insert, update on all tables in schema message to ${app_role};
