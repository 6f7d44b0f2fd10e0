-- The RSA key that signs API access tokens, shared by every app node (issue 14): a token issued by one node is
-- accepted by the others. One row per key; the newest active one signs. The first node to start stores it (a key
-- found in $HEMONET_DATA_DIR/jwk.json from before, or a new one); the others read it. A deployment that keeps the key
-- in its secret store instead sets hemonet.security.oauth2.signing-key-file and this table stays empty.
create table identity.token_signing_key (
    key_id text primary key,
    jwk text not null,
    created_at timestamptz not null default now(),
    retired_at timestamptz
);
-- at most one active key
create unique index token_signing_key_one_active on identity.token_signing_key ((true)) where retired_at is null;

grant select, insert on identity.token_signing_key to ${app_role};
