-- Issue 21: laboratory results of any patient (factor activity by one-stage and chromogenic assay, ALT, AST,
-- antithrombin activity), entered by staff or imported, with units and reference ranges. Owned by the lab module.
-- Nothing is deleted: a wrong result is voided with who, when and why (CONVENTIONS rule 4).
create schema lab;
grant usage on schema lab to ${app_role};
alter default privileges in schema lab grant select, insert, update on tables to ${app_role};

create table lab.result (
    id uuid primary key,
    patient_id uuid not null,
    analyte text not null check (analyte in ('FVIII_ACTIVITY', 'FIX_ACTIVITY', 'ALT', 'AST', 'ANTITHROMBIN')),
    method text check (method in ('ONE_STAGE', 'CHROMOGENIC', 'OTHER')),
    -- the value and unit as reported by the laboratory
    value numeric(12, 3) not null check (value >= 0),
    unit text not null,
    -- the value in the analyte's canonical unit (IU/dL for factor activity, U/L for ALT and AST, % for antithrombin)
    canonical_value numeric(12, 3) not null check (canonical_value >= 0),
    -- the reference range in the canonical unit (the laboratory's own, else Hemonet's default for the analyte)
    reference_low numeric(12, 3),
    reference_high numeric(12, 3),
    sampled_on date not null,
    source text not null check (source in ('STAFF', 'IMPORT')),
    laboratory text check (length(laboratory) <= 120),
    recorded_by text not null,
    recorded_at timestamptz not null,
    voided_at timestamptz,
    voided_by text,
    void_reason text check (length(void_reason) <= 500),
    check ((voided_at is null) = (voided_by is null))
);
create index result_by_patient on lab.result (patient_id, analyte, sampled_on);
