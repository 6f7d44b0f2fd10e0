-- Plan history, emicizumab loading, surgery factor plans and the scheduled delivery step (issue 5, branch plans).
-- Nothing is deleted: a changed plan keeps its row with who ended it, when and why; a voided plan keeps its row.

-- A plan that a later version superseded from a date: who changed it, when, why, and which plan took over.
alter table supply.treatment_plan
    add column supersedes uuid,
    add column superseded_by uuid,
    add column valid_to_before_change date,
    add column changed_at timestamptz,
    add column changed_by uuid,
    add column changed_by_name text,
    add column change_reason text,
    add column voided_by_name text,
    -- Emicizumab loading phase (clinical.md §6): loading_doses weekly doses of loading_dose mg before maintenance.
    add column loading_doses integer check (loading_doses between 1 and 8),
    add column loading_per_kg numeric(7, 2) check (loading_per_kg > 0),
    add column loading_dose numeric(10, 1) check (loading_dose > 0);

-- A factor plan for one operation (clinical.md §6, WFH 2020 surgery targets).
create table supply.surgery_plan (
    id uuid primary key,
    patient_id uuid not null,
    centre_id uuid not null,
    operation text not null,
    operation_date date not null,
    kind text not null check (kind in ('MAJOR', 'MINOR')),
    product_id uuid not null,
    unit text not null check (unit in ('IU', 'MG')),
    weight_kg numeric(5, 1) not null check (weight_kg > 0),
    recovery numeric(5, 2) not null check (recovery > 0),
    created_by uuid not null,
    created_by_name text not null,
    created_at timestamptz not null,
    voided_at timestamptz,
    voided_by uuid,
    void_reason text,
    version integer not null default 0
);
create index surgery_plan_patient on supply.surgery_plan (patient_id, operation_date);

-- One phase of the plan: keep the peak within [low, high] IU/dL from post-operative day from_day to to_day (day 0:
-- the pre-operative dose), giving dose (rounded up to whole vials) once a day.
create table supply.surgery_plan_phase (
    id uuid primary key,
    surgery_plan_id uuid not null references supply.surgery_plan (id),
    from_day integer not null check (from_day between 0 and 60),
    to_day integer not null check (to_day between 0 and 60),
    low_iu_per_dl integer not null check (low_iu_per_dl between 1 and 200),
    high_iu_per_dl integer not null check (high_iu_per_dl between 1 and 200),
    dose numeric(10, 1) not null check (dose > 0),
    check (to_day >= from_day),
    check (high_iu_per_dl >= low_iu_per_dl)
);
create index surgery_plan_phase_plan on supply.surgery_plan_phase (surgery_plan_id);

-- The scheduled step of a delivery: who fixed the date and window, and when; and what the courier needs to deliver
-- (the recipient's name as booked and the delivery address) without reading the patient record.
alter table supply.delivery
    add column scheduled_at timestamptz,
    add column scheduled_by uuid,
    add column recipient_name text,
    add column address text check (length(address) <= 500);

grant select, insert, update on supply.surgery_plan, supply.surgery_plan_phase to ${app_role};
