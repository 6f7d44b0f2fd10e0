-- Joint transition clinics (issue 17): the paediatric and adult teams see a young person together before the hand-over.
-- Owned by the pathway module. A date is never deleted: it is cancelled with who and when.
create table pathway.joint_clinic (
    id uuid primary key,
    patient_id uuid not null,
    clinic_on date not null,
    adult_centre_id uuid,
    note text,
    recorded_at timestamptz not null,
    recorded_by text not null,
    cancelled_at timestamptz,
    cancelled_by text,
    check ((cancelled_at is null) = (cancelled_by is null))
);
create index joint_clinic_patient on pathway.joint_clinic (patient_id, clinic_on);
grant select, insert, update on pathway.joint_clinic to ${app_role};
