-- Saved PK studies and factor-level lab results (issue 7, "In the record"; pk-models.md). Owned by the pk module:
-- the estimation engine stays free of the database, the store beside it (org.hemonet.pk.PkRecords) writes here.
-- The application role may read, insert and update; nothing is ever deleted (CONVENTIONS rule 4): a wrong entry is
-- voided with who, when and why.
create schema pk;
grant usage on schema pk to ${app_role};
alter default privileges in schema pk grant select, insert, update on tables to ${app_role};

-- A factor level measured by a laboratory (one-stage or chromogenic activity, IU/dL). below_loq: the assay reported
-- "< iu_per_dl" (the lower limit of quantification); such results are excluded from MAP fits and flagged.
create table pk.factor_level (
    id uuid primary key,
    patient_id uuid not null,
    taken_at timestamptz not null,
    iu_per_dl numeric(7, 2) not null check (iu_per_dl >= 0 and iu_per_dl <= 1000),
    below_loq boolean not null default false,
    note text check (length(note) <= 500),
    entered_by text not null,
    entered_role text not null check (entered_role in ('LAB', 'CLINICIAN', 'NURSE')),
    entered_at timestamptz not null,
    voided_at timestamptz,
    voided_by text,
    void_reason text,
    check ((voided_at is null) = (void_reason is null))
);
create index factor_level_patient_time on pk.factor_level (patient_id, taken_at);

-- A saved study: the inputs (model, covariates, doses, samples, which diary infusions and lab results were picked)
-- and the MAP result as computed when it was saved (individual parameters, η, half-life with its 90 % interval,
-- curve with band, warnings). The JSON documents are the pk module's own value types.
create table pk.study (
    id uuid primary key,
    patient_id uuid not null,
    model text not null,
    study jsonb not null,
    estimate jsonb not null,
    infusion_ids uuid[] not null default '{}',
    factor_level_ids uuid[] not null default '{}',
    target_trough_iu_per_dl double precision not null,
    half_life_hours double precision not null,
    half_life_lo90 double precision not null,
    half_life_hi90 double precision not null,
    samples_used integer not null,
    entered_by text not null,
    entered_at timestamptz not null,
    signed_off_at timestamptz,
    signed_off_by text,
    signed_off_plan_id uuid,
    voided_at timestamptz,
    voided_by text,
    void_reason text,
    check ((voided_at is null) = (void_reason is null))
);
create index study_patient_time on pk.study (patient_id, entered_at);
grant select, insert, update on pk.factor_level, pk.study to ${app_role};
