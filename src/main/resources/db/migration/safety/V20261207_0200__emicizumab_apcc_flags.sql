-- Issue 13, clinical.md §9: a patient on emicizumab given more than 100 U/kg of aPCC in 24 hours (or aPCC when their
-- weight is not known), or prescribed a single aPCC dose over 100 U/kg, is flagged for the clinician (thrombotic
-- microangiopathy, HAVEN 1). One flag per infusion or plan that raised it; flags are never deleted.
create table safety.patient_flag (
    id uuid primary key,
    patient_id uuid not null,
    centre_id uuid not null,
    kind text not null check (kind in ('APCC_INFUSED', 'APCC_PRESCRIBED')),
    -- the diary infusion or the treatment plan that raised the flag
    source_id uuid not null unique,
    -- when the aPCC was given, or the plan's first day
    occurs_at timestamptz not null,
    -- aPCC in the 24 hours (infused) or in one dose (prescribed), U/kg; null when the weight is not known
    units_per_kg numeric(8, 1),
    raised_at timestamptz not null,
    raised_by text not null
);
create index patient_flag_centre on safety.patient_flag (centre_id, occurs_at);
grant select, insert on safety.patient_flag to ${app_role};
