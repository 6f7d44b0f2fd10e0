-- Safety surveillance (issue 13, clinical.md §9). Owned by the safety module.
-- An adverse event is never deleted: it is voided with who, when and why. Follow-ups are appended, never edited.
create schema if not exists safety;
grant usage on schema safety to ${app_role};
alter default privileges in schema safety grant select, insert, update on tables to ${app_role};

create table safety.adverse_event (
    id uuid primary key,
    patient_id uuid not null,
    -- the patient's registered centre when the event was reported (lists by centre)
    centre_id uuid not null,
    category text not null check (category in
        ('ACUTE_REACTION', 'INFECTION', 'INHIBITOR', 'THROMBOSIS', 'MALIGNANCY', 'DEATH', 'OTHER')),
    onset_on date not null,
    product_id uuid,
    batch_number text check (length(batch_number) <= 64),
    infusion_id uuid,
    serious boolean not null,
    outcome text not null check (outcome in ('RECOVERED', 'RECOVERING', 'NOT_RECOVERED', 'FATAL', 'UNKNOWN')),
    narrative text check (length(narrative) <= 4000),
    status text not null check (status in ('DRAFT', 'REPORTED', 'CLOSED', 'VOIDED')),
    -- who raised it: centre staff, the patient or a parent from the diary, or inhibitor surveillance
    source text not null check (source in ('STAFF', 'PATIENT', 'INHIBITOR_SURVEILLANCE')),
    reporter text not null,
    reporter_role text not null,
    version integer not null default 1,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    updated_by text not null,
    voided_at timestamptz,
    voided_by text,
    void_reason text check (length(void_reason) <= 500),
    check ((status = 'VOIDED') = (voided_at is not null)),
    check ((voided_at is null) = (void_reason is null))
);
create index adverse_event_patient on safety.adverse_event (patient_id, onset_on);
create index adverse_event_centre on safety.adverse_event (centre_id, status);
-- rates read counted events by onset
create index adverse_event_onset on safety.adverse_event (onset_on) where status in ('REPORTED', 'CLOSED');

create table safety.follow_up (
    id uuid primary key,
    event_id uuid not null references safety.adverse_event (id),
    written_at timestamptz not null,
    written_by text not null,
    text text not null check (length(text) between 1 and 4000)
);
create index follow_up_event on safety.follow_up (event_id, written_at);

grant select, insert, update on safety.adverse_event, safety.follow_up to ${app_role};
