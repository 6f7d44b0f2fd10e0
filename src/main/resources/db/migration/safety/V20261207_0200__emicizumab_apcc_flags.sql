-- Issue 13, clinical.md §9: a patient on emicizumab given more than 100 U/kg of aPCC in 24 hours (or aPCC when their
-- weight is not known) is flagged for the clinician (thrombotic microangiopathy, HAVEN 1). One flag per aPCC infusion
-- that raised it; flags are never deleted.
create table safety.patient_flag (
    id uuid primary key,
    patient_id uuid not null,
    centre_id uuid not null,
    kind text not null check (kind in ('EMICIZUMAB_APCC')),
    infusion_id uuid not null unique,
    administered_at timestamptz not null,
    -- aPCC in the 24 hours, U/kg; null when the patient's weight is not known
    units_per_kg numeric(8, 1),
    raised_at timestamptz not null,
    raised_by text not null
);
create index patient_flag_centre on safety.patient_flag (centre_id, raised_at);
grant select, insert on safety.patient_flag to ${app_role};
