-- ShedLock's table (JDBC provider, issue 14): a scheduled job runs on one app node at a time, however many run.
-- Layout as ShedLock documents it for PostgreSQL; lock times come from the database's clock (usingDbTime), so the
-- nodes' clocks need not agree.
create schema if not exists shared;
grant usage on schema shared to ${app_role};

create table shared.shedlock (
    name varchar(64) not null primary key,
    lock_until timestamptz not null,
    locked_at timestamptz not null,
    locked_by varchar(255) not null
);
grant select, insert, update on shared.shedlock to ${app_role};
