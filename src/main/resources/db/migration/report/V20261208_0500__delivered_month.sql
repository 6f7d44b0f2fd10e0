-- The report module's read models (issue 14): derived figures it keeps current from the other modules' events, so that
-- network dashboards stop reading those modules' tables. Derived, never clinical record: a rebuild replaces them.
create schema if not exists report;
grant usage on schema report to ${app_role};

-- Units (IU or mg) delivered per month (first day, in the network's time zone), product, delivering centre and patient:
-- fed by supply's DeliveryCompleted event in the confirmation's transaction; rebuilt from supply's DeliveredUnits on
-- its first start and after a bulk load (BulkDataLoaded).
create table report.delivered_month (
    month date not null,
    product_id uuid not null,
    centre_id uuid not null,
    patient_id uuid not null,
    units bigint not null check (units >= 0),
    primary key (month, product_id, centre_id, patient_id)
);

-- When each read model was last rebuilt, and in which time zone its months are.
create table report.read_model (
    name text primary key,
    zone text not null,
    built_at timestamptz not null
);

grant select, insert, update, delete on report.delivered_month, report.read_model to ${app_role};
