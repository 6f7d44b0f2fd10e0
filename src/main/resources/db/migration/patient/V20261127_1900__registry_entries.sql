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
