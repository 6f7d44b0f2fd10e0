-- Browser sessions in PostgreSQL (Spring Session JDBC, issue 14): every app node behind a load balancer reads the same
-- sessions, and a session survives a node's restart. The layout is Spring Session's own (schema-postgresql.sql),
-- under the table name hemonet.session.jdbc.table-name = identity.http_session. Sessions are not clinical data: an
-- expired or signed-out session is deleted (the application role may delete here, and only here in identity).
create table identity.http_session (
    primary_id char(36) not null,
    session_id char(36) not null,
    creation_time bigint not null,
    last_access_time bigint not null,
    max_inactive_interval int not null,
    expiry_time bigint not null,
    principal_name varchar(100),
    constraint http_session_pk primary key (primary_id)
);
create unique index http_session_ix1 on identity.http_session (session_id);
create index http_session_ix2 on identity.http_session (expiry_time);
create index http_session_ix3 on identity.http_session (principal_name);

create table identity.http_session_attributes (
    session_primary_id char(36) not null,
    attribute_name varchar(200) not null,
    attribute_bytes bytea not null,
    constraint http_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint http_session_attributes_fk foreign key (session_primary_id)
        references identity.http_session (primary_id) on delete cascade
);

grant select, insert, update, delete on identity.http_session, identity.http_session_attributes to ${app_role};
