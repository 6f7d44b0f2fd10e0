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

-- Living (not voided) treatment plans as the regimen reports need them: fed by supply's PlansChanged event (the
-- patient's plans re-read in the change's transaction), rebuilt from supply's TreatmentPlans like delivered_month.
create table report.plan_period (
    plan_id uuid primary key,
    patient_id uuid not null,
    regimen text not null,
    product_id uuid not null,
    weight_kg numeric,
    valid_from date not null,
    valid_to date,
    created_at timestamptz not null
);
create index plan_period_patient on report.plan_period (patient_id, valid_from desc, created_at desc);
grant select, insert, update, delete on report.plan_period to ${app_role};
