-- Safety surveillance of previously untreated patients (issue 13, clinical.md §4, §9): whether the patient had never
-- received a factor concentrate when first seen (a PUP), and how many exposure days they had before joining (a PUP
-- has 0). Both unknown (null) until the centre records them; corrections keep the previous values as a revision.
alter table patient.patient
    add column previously_untreated boolean,
    add column prior_exposure_days integer check (prior_exposure_days >= 0),
    add constraint patient_pup_prior_exposure_check
        check (previously_untreated is not true or coalesce(prior_exposure_days, 0) = 0);
create index patient_previously_untreated on patient.patient (centre_id) where previously_untreated and voided_at is null;
