-- The key of the pseudonyms in registry returns (issue 15, docs/returns.md): the WBDR-style file names each patient by
-- HMAC-SHA256 of their id under this key, so that a patient keeps the same pseudonym from one year's file to the next
-- (the global registry follows people over years) while the pseudonym cannot be computed without the key. One row,
-- drawn at random by the first app node that needs it; never sent anywhere, never shown.
create schema if not exists interchange;
grant usage on schema interchange to ${app_role};

create table interchange.return_pseudonym_key (
    id boolean primary key default true check (id),
    key bytea not null check (octet_length(key) = 32),
    created_at timestamptz not null default now()
);

grant select, insert on interchange.return_pseudonym_key to ${app_role};
