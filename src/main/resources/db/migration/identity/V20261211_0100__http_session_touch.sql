-- A session's last-access touch does not wait for the disk (issue 14, the per-request cost): every signed-in request
-- moves its session's last-access and expiry time, an UPDATE in a transaction of its own which, with the default
-- synchronous commit, waits for its WAL to be flushed (about a millisecond here, the largest part of a request's
-- database time). When an update of a session changes nothing but those times, its transaction commits without that
-- wait (SET LOCAL synchronous_commit, for that transaction only): the touch is visible to every node at once, and only
-- a crash of PostgreSQL within a fraction of a second (three times wal_writer_delay) can lose it, leaving the session
-- a touch older. Everything else stays synchronous (security.md §22): creating or deleting a session (sign-in,
-- sign-out, expiry), a new session id or principal (sign-in), and any transaction that writes a session attribute
-- (the signed-in identity, the pending second factor), whichever of the two it writes first; every clinical write
-- and audit event runs in transactions of its own.
create function identity.http_session_touched() returns trigger language plpgsql as $$
begin
    if new.session_id = old.session_id
       and new.principal_name is not distinct from old.principal_name
       and new.max_inactive_interval = old.max_inactive_interval
       and new.creation_time = old.creation_time
       and current_setting('hemonet.session_attributes_written', true) is distinct from 'yes' then
        perform set_config('synchronous_commit', 'off', true);
    end if;
    return new;
end $$;

create trigger http_session_touched before update on identity.http_session
    for each row execute function identity.http_session_touched();

create function identity.http_session_attributes_written() returns trigger language plpgsql as $$
begin
    perform set_config('hemonet.session_attributes_written', 'yes', true);
    perform set_config('synchronous_commit', 'on', true);
    return null;
end $$;

create trigger http_session_attributes_written after insert or update or delete on identity.http_session_attributes
    for each statement execute function identity.http_session_attributes_written();
