-- Issue 18 (speed: "every report endpoint reads incremental read models, not the raw diary"): each patient's outcome
-- figures of a calendar year as the centres compared count them (report.PatientYears), computed by the outcome engine
-- from the patient's diary and kept with a digest of everything they were computed from (the diary's change counter,
-- the patient's record, the treatment plans, today's date while it falls in the year). A row whose digest no longer
-- matches is recomputed and replaced; the rest survive restarts, so a national network's ten years are computed once,
-- not at every start. Derived, never clinical record: deleting every row only costs their recomputation.
create table report.patient_year (
    patient_id uuid not null,
    year int not null,
    inputs text not null,
    -- the cohorts' bleeding (outcome.CohortOutcomes.PatientBleeds); abr null: no diary time in the year
    abr numeric,
    episodes int,
    ajbr numeric,
    -- the further measures (report.CentreMeasures.Measured); observation_days null: none
    observation_days int,
    measured_ajbr numeric,
    joint_immobilising int,
    target_joint boolean,
    pain_mean numeric,
    days_lost int,
    adherence_percent numeric,
    completeness_percent numeric,
    computed_at timestamptz not null default now(),
    primary key (patient_id, year)
);
create index patient_year_year on report.patient_year (year);

grant select, insert, update, delete on report.patient_year to ${app_role};
