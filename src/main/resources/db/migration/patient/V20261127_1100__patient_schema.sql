-- The patient registry (clinical.md §1, §2). Owned by the patient module.
-- The application role may read, insert and update; nothing is ever deleted (CONVENTIONS rule 4).
create schema patient;
grant usage on schema patient to ${app_role};
alter default privileges in schema patient grant select, insert, update on tables to ${app_role};
alter default privileges in schema patient grant usage, select on sequences to ${app_role};

create table patient.patient (
    id uuid primary key,
    centre_id uuid not null,
    given_name text not null,
    family_name text not null,
    date_of_birth date not null,
    sex text not null check (sex in ('MALE', 'FEMALE')),
    national_id_scheme text,
    national_id text,
    region_id uuid,
    time_zone text not null default 'Europe/London',
    version integer not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    voided_at timestamptz,
    void_reason text
);
create index patient_centre on patient.patient (centre_id);
create unique index patient_national_id on patient.patient (national_id_scheme, national_id)
    where national_id is not null and voided_at is null;

-- one diagnosis per patient at a time; corrections keep history (a superseded row gets superseded_at)
create table patient.diagnosis (
    id uuid primary key,
    patient_id uuid not null references patient.patient (id),
    type text not null,
    subtype text,
    bleeding_phenotype boolean not null default false,
    recorded_at timestamptz not null default now(),
    superseded_at timestamptz
);
create index diagnosis_patient on patient.diagnosis (patient_id);

-- baseline factor activity measurements (IU/dL); severity is derived from the lowest reliable level
create table patient.factor_level (
    id uuid primary key,
    patient_id uuid not null references patient.patient (id),
    factor text not null,
    level_iu_per_dl numeric(7, 2) not null check (level_iu_per_dl >= 0 and level_iu_per_dl <= 400),
    measured_on date not null,
    recorded_at timestamptz not null default now(),
    voided_at timestamptz,
    void_reason text
);
create index factor_level_patient on patient.factor_level (patient_id);

create table patient.weight (
    id uuid primary key,
    patient_id uuid not null references patient.patient (id),
    measured_on date not null,
    weight_kg numeric(5, 1) not null check (weight_kg > 0 and weight_kg < 400),
    height_cm numeric(5, 1) check (height_cm > 0 and height_cm < 260),
    recorded_at timestamptz not null default now(),
    voided_at timestamptz
);
create index weight_patient on patient.weight (patient_id, measured_on);

-- Bethesda assays (clinical.md §2): the titre is computed from residual activity and dilution
create table patient.inhibitor_test (
    id uuid primary key,
    patient_id uuid not null references patient.patient (id),
    sampled_on date not null,
    residual_activity_percent numeric(5, 2) not null,
    dilution numeric(10, 2) not null check (dilution >= 1),
    titre_bu numeric(10, 2) not null check (titre_bu >= 0),
    recorded_at timestamptz not null default now(),
    voided_at timestamptz,
    void_reason text
);
create index inhibitor_test_patient on patient.inhibitor_test (patient_id, sampled_on);
