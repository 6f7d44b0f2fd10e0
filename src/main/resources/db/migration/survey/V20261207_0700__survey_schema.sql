-- Questionnaires (issue 16; docs/surveys.md): instruments as data, shaped like FHIR Questionnaire, their schedules and
-- the answers of patients and parents with the scores computed from them. Owned by the survey module. An instrument
-- version, once loaded, never changes: a new wording is a new version. Answers are never deleted: a draft becomes the
-- submitted response, a submitted response can only be voided (who, when, why).
create schema survey;
grant usage on schema survey to ${app_role};
alter default privileges in schema survey grant select, insert, update on tables to ${app_role};

create table survey.instrument (
    id text not null check (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    version integer not null check (version between 1 and 1000),
    title text not null check (length(title) between 1 and 200),
    -- the whole definition (items, answer scales, domains, scoring rules) as validated by the survey module
    definition jsonb not null,
    -- HEMONET: written for Hemonet, shipped with it; LICENSED: loaded by a centre (or the network) that holds a licence
    source text not null check (source in ('HEMONET', 'LICENSED')),
    -- a licensed instrument is used by the centre that loaded it only; null = the whole network
    centre_id uuid,
    licence text check (licence is null or length(licence) between 1 and 1000),
    loaded_by uuid,
    loaded_at timestamptz not null,
    retired_at timestamptz,
    primary key (id, version),
    check (source = 'HEMONET' or licence is not null)
);

create table survey.schedule (
    id uuid primary key,
    instrument_id text not null,
    centre_id uuid not null,
    -- null: every patient registered at the centre
    patient_id uuid,
    recurrence text not null check (recurrence in ('ONCE', 'YEARLY', 'BEFORE_ANNUAL_REVIEW')),
    -- ONCE and YEARLY: the (first) date it is due; BEFORE_ANNUAL_REVIEW: the date of the annual review
    due_on date not null,
    created_by uuid not null,
    created_at timestamptz not null,
    ended_at timestamptz,
    ended_by uuid
);
create index schedule_by_patient on survey.schedule (patient_id) where ended_at is null;
create index schedule_by_centre on survey.schedule (centre_id) where ended_at is null and patient_id is null;

create table survey.response (
    id uuid primary key,
    patient_id uuid not null,
    -- the centre the patient was registered at when it was answered (for the network reports)
    centre_id uuid not null,
    instrument_id text not null,
    instrument_version integer not null,
    status text not null check (status in ('DRAFT', 'SUBMITTED', 'VOIDED')),
    answers jsonb not null,
    scores jsonb,
    answered_by uuid not null,
    answered_by_role text not null,
    started_at timestamptz not null,
    saved_at timestamptz not null,
    submitted_at timestamptz,
    voided_at timestamptz,
    voided_by uuid,
    void_reason text,
    foreign key (instrument_id, instrument_version) references survey.instrument (id, version),
    check (status = 'DRAFT' or submitted_at is not null),
    check (status <> 'VOIDED' or (voided_at is not null and void_reason is not null))
);
-- one draft per patient and instrument: "save and resume" continues it
create unique index response_one_draft on survey.response (patient_id, instrument_id) where status = 'DRAFT';
create index response_by_patient on survey.response (patient_id, instrument_id, submitted_at desc);
create index response_by_centre on survey.response (centre_id, instrument_id) where status = 'SUBMITTED';

grant select, insert, update on survey.instrument, survey.schedule, survey.response to ${app_role};
