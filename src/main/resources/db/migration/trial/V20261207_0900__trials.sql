-- Clinical trials (issue 17): a centre's open trials with their criteria, who was approached and what they said, and
-- patients' own wish to hear about research. Owned by the trial module. Nothing is deleted: a trial is closed, an
-- approach's later answer is a new row, a changed wish is a new row.
create schema if not exists trial;
grant usage on schema trial to ${app_role};
alter default privileges in schema trial grant select, insert, update on tables to ${app_role};

create table trial.trial (
    id uuid primary key,
    centre_id uuid not null,
    title text not null,
    registry_id text,
    sponsor text,
    summary text,
    diagnoses text[] not null,
    severities text[] not null,
    inhibitor text not null,
    min_age int,
    max_age int,
    prior_treatment text not null,
    status text not null check (status in ('OPEN', 'CLOSED')),
    version int not null default 1,
    created_at timestamptz not null,
    created_by text not null,
    closed_at timestamptz,
    closed_by text,
    check (min_age is null or max_age is null or min_age <= max_age)
);
create index trial_centre on trial.trial (centre_id, status);

create table trial.approach (
    id uuid primary key,
    trial_id uuid not null references trial.trial (id),
    patient_id uuid not null,
    status text not null check (status in ('APPROACHED', 'CONSENTED', 'DECLINED', 'WITHDRAWN')),
    on_date date not null,
    note text,
    recorded_at timestamptz not null,
    recorded_by text not null
);
create index approach_trial on trial.approach (trial_id, patient_id, recorded_at);

create table trial.research_interest (
    id uuid primary key,
    patient_id uuid not null,
    interested boolean not null,
    recorded_at timestamptz not null,
    recorded_by text not null
);
create index research_interest_patient on trial.research_interest (patient_id, recorded_at desc);

grant select, insert, update on trial.trial, trial.approach, trial.research_interest to ${app_role};
