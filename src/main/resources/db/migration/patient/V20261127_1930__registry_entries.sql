-- Registry entries added through the API (issue 4): ITI episodes name an optional product and who recorded them;
-- the outcome PARTIAL replaces PARTIAL_SUCCESS. Nothing is deleted: rows are voided.

update patient.iti_episode set outcome = 'PARTIAL' where outcome = 'PARTIAL_SUCCESS';
alter table patient.iti_episode
    drop constraint iti_episode_outcome_check,
    add constraint iti_episode_outcome_check check (outcome in ('SUCCESS', 'PARTIAL', 'FAILURE', 'ONGOING')),
    add constraint iti_episode_dates_check check (ended_on is null or ended_on >= started_on),
    add column product_id uuid,
    add column recorded_by text;

-- a medical record number names one patient at one centre
create unique index record_number_centre_mrn on patient.record_number (centre_id, mrn);
alter table patient.record_number
    add column recorded_at timestamptz not null default now(),
    add column recorded_by text;
alter table patient.contact add column recorded_by text;

-- a family link names a relative who is a registered patient or, as free text, one who is not; with carrier status
alter table patient.family_link
    drop constraint family_link_pkey,
    add column id uuid not null default gen_random_uuid(),
    add column relative_name text,
    add column carrier_status text not null default 'UNKNOWN'
        check (carrier_status in ('UNKNOWN', 'NOT_CARRIER', 'CARRIER', 'OBLIGATE_CARRIER', 'AFFECTED')),
    add column recorded_by text,
    alter column relative_id drop not null,
    add constraint family_link_relative_check check (relative_id is not null or relative_name is not null);
alter table patient.family_link add primary key (id);
create unique index family_link_relative on patient.family_link (patient_id, relative_id)
    where relative_id is not null and voided_at is null;
