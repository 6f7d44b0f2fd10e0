-- Audit trail of every access to patient data (security.md §13-§15). Owned by the audit module.
--
-- Append-only by grants (§14): the application role may SELECT and INSERT, never UPDATE, DELETE or TRUNCATE, and may
-- not choose an event's sequence number or time. Tamper evidence comes from audit.seal, a hash chain appended by one
-- sealer shortly after events commit, so that writers never wait on one another (see AuditSealer).
create schema audit;
grant usage on schema audit to ${app_role};

create sequence audit.event_seq as bigint;

-- An event takes its transaction id before its sequence number. The sealer relies on this order: once every
-- transaction id up to one taken after reading the sequence has ended, no event at or below that sequence value can
-- still commit (see AuditSealer).
create function audit.next_event_seq() returns bigint
    language plpgsql volatile
    set search_path = pg_catalog
as $$
begin
    perform pg_current_xact_id();
    return nextval('audit.event_seq');
end
$$;

create table audit.event (
    seq bigint primary key default audit.next_event_seq(),
    occurred_at timestamptz not null default clock_timestamp(),
    account_id uuid,
    username text not null check (length(username) between 1 and 200),
    role text not null check (length(role) between 1 and 40),
    centre_ids uuid[] not null default '{}',
    patient_id uuid,
    action text not null check (action in ('READ', 'SEARCH', 'CREATE', 'UPDATE', 'VOID', 'EXPORT', 'LOGIN',
        'LOGIN_FAILED', 'LOGOUT', 'ACCOUNT_CHANGE')),
    resource_type text not null check (length(resource_type) between 1 and 100),
    resource_id text check (length(resource_id) <= 200),
    outcome text not null check (outcome in ('SUCCESS', 'DENIED', 'FAILED')),
    client_address text not null check (length(client_address) <= 100),
    request_id text not null check (length(request_id) <= 100)
);
alter sequence audit.event_seq owned by audit.event.seq;

-- the access report (§15): who touched this patient's record, newest first
create index event_patient on audit.event (patient_id, seq desc) where patient_id is not null;

-- hash = SHA-256(hash of the previous seal ‖ canonical form of the event); the first seal follows 32 zero bytes
create table audit.seal (
    seq bigint primary key references audit.event (seq),
    hash bytea not null check (octet_length(hash) = 32),
    sealed_at timestamptz not null default clock_timestamp()
);

grant select on audit.event, audit.seal to ${app_role};
-- column list: seq and occurred_at always come from their defaults
grant insert (account_id, username, role, centre_ids, patient_id, action, resource_type, resource_id, outcome,
    client_address, request_id) on audit.event to ${app_role};
grant insert (seq, hash) on audit.seal to ${app_role};
-- usage allows nextval (through the default) and reading the last value; without UPDATE there is no setval
grant usage, select on sequence audit.event_seq to ${app_role};
