-- Centres, regions and the network (clinical.md §7). Owned by the centre module.
create schema centre;
grant usage on schema centre to ${app_role};
alter default privileges in schema centre grant select, insert, update on tables to ${app_role};
alter default privileges in schema centre grant usage, select on sequences to ${app_role};

create table centre.network (
    id uuid primary key,
    name text not null unique
);

create table centre.region (
    id uuid primary key,
    code text not null unique,
    name text not null unique
);

-- resident population by year: data the network maintains, used for per-capita reports
create table centre.region_population (
    region_id uuid not null references centre.region (id),
    year integer not null check (year between 1900 and 2200),
    population bigint not null check (population > 0),
    primary key (region_id, year)
);

create table centre.centre (
    id uuid primary key,
    code text not null unique,
    name text not null,
    type text not null check (type in ('COMPREHENSIVE_CARE_CENTRE', 'HAEMOPHILIA_CENTRE')),
    region_id uuid not null references centre.region (id),
    network_id uuid not null references centre.network (id),
    phone_24h text,
    on_call_arrangement text,
    coagulation_laboratory boolean not null default false,
    laboratory_capability text,
    cover_24h boolean not null default false,
    time_zone text not null default 'Europe/London',
    version integer not null default 0,
    created_at timestamptz not null default now()
);

create table centre.team_member (
    id uuid primary key,
    centre_id uuid not null references centre.centre (id),
    role text not null check (role in ('HAEMATOLOGIST', 'NURSE_COORDINATOR', 'PHYSIOTHERAPIST', 'SOCIAL_WORKER',
        'LABORATORY_SCIENTIST', 'PSYCHOLOGIST', 'DENTIST', 'ORTHOPAEDIC_SURGEON', 'DATA_MANAGER', 'OTHER')),
    name text not null,
    core boolean not null default true,
    active boolean not null default true
);
create index team_member_centre on centre.team_member (centre_id);
