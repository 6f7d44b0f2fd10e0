-- Treatment plans, home deliveries and home stock (issue 5). Owned by the supply module.
-- The application role may read, insert and update; nothing is ever deleted (CONVENTIONS rule 4): plans and stock
-- entries are voided with who, when and why.
create schema supply;
grant usage on schema supply to ${app_role};
alter default privileges in schema supply grant select, insert, update on tables to ${app_role};
alter default privileges in schema supply grant usage, select on sequences to ${app_role};

-- A prescribed regimen (clinical.md §6). Doses are in the product's unit (IU or mg) per administration, already
-- rounded up to whole vials; dose_per_kg keeps what was prescribed when the dose is weight-based.
create table supply.treatment_plan (
    id uuid primary key,
    patient_id uuid not null,
    centre_id uuid not null,
    regimen text not null check (regimen in ('PROPHYLAXIS', 'ON_DEMAND')),
    product_id uuid not null,
    bleed_product_id uuid,
    unit text not null check (unit in ('IU', 'MG')),
    dose numeric(10, 1) not null check (dose > 0),
    dose_per_kg numeric(7, 2) check (dose_per_kg > 0),
    weight_kg numeric(5, 1) check (weight_kg > 0),
    schedule_kind text check (schedule_kind in ('EVERY_N_DAYS', 'WEEKDAYS', 'EVERY_N_WEEKS')),
    schedule_interval integer check (schedule_interval between 1 and 28),
    weekdays text[],
    dose_time time not null default '08:00',
    time_zone text not null default 'Europe/London',
    valid_from date not null,
    valid_to date,
    prescriber_id uuid not null,
    prescriber_name text not null,
    notes text,
    version integer not null default 0,
    created_at timestamptz not null default now(),
    voided_at timestamptz,
    voided_by uuid,
    void_reason text,
    check (valid_to is null or valid_to >= valid_from),
    check (regimen = 'ON_DEMAND' or schedule_kind is not null)
);
create index treatment_plan_patient on supply.treatment_plan (patient_id, valid_from);

-- Home deliveries: ordered -> scheduled -> delivered or failed.
create table supply.delivery (
    id uuid primary key,
    patient_id uuid not null,
    centre_id uuid not null,
    status text not null check (status in ('ORDERED', 'SCHEDULED', 'DELIVERED', 'FAILED')),
    scheduled_for date not null,
    delivery_window text not null check (delivery_window in ('STANDARD', 'EARLY', 'LATE', 'WEEKEND')),
    ordered_by uuid not null,
    created_at timestamptz not null default now(),
    delivered_at timestamptz,
    confirmed_by uuid,
    failure_reason text,
    version integer not null default 0
);
create index delivery_patient on supply.delivery (patient_id);
create index delivery_centre on supply.delivery (centre_id, scheduled_for);

create table supply.delivery_item (
    id uuid primary key,
    delivery_id uuid not null references supply.delivery (id),
    product_id uuid not null,
    batch_number text not null,
    vials integer not null check (vials > 0 and vials <= 1000),
    units_per_vial integer not null check (units_per_vial > 0)
);
create index delivery_item_delivery on supply.delivery_item (delivery_id);
create index delivery_item_batch on supply.delivery_item (product_id, batch_number);

-- Vials that left home stock: infused (reported by the diary, keyed by its infusion id), wasted, expired, or a
-- stock-take difference (negative vials when the patient found more than expected).
create table supply.stock_use (
    id uuid primary key,
    patient_id uuid not null,
    product_id uuid not null,
    batch_number text not null,
    kind text not null check (kind in ('INFUSED', 'WASTED', 'EXPIRED', 'STOCK_TAKE')),
    vials integer not null check (vials <> 0),
    units_per_vial integer not null check (units_per_vial > 0),
    occurred_at timestamptz not null,
    source_id uuid,
    recorded_at timestamptz not null default now(),
    recorded_by uuid,
    voided_at timestamptz,
    void_reason text
);
create index stock_use_patient on supply.stock_use (patient_id);
create unique index stock_use_source on supply.stock_use (source_id) where source_id is not null;
create index stock_use_batch on supply.stock_use (product_id, batch_number);
