-- Haemophilia Joint Health Score 2.1 (issue 6, clinical.md §4). Owned by the outcome module.
-- Nothing is ever deleted: a correction is a new score naming the one it replaces (which is then marked superseded),
-- a wrong score is voided with who, when and why.
create schema if not exists outcome;
grant usage on schema outcome to ${app_role};
alter default privileges in schema outcome grant select, insert, update on tables to ${app_role};

create table outcome.joint_score (
    id uuid primary key,
    patient_id uuid not null,
    assessed_on date not null,
    assessor_username text not null,
    assessor_role text not null check (assessor_role in ('PHYSIO', 'CLINICIAN')),
    context text not null check (context in ('ROUTINE', 'PRE_SURGERY', 'POST_SURGERY')),
    operation text check (length(operation) <= 200),
    operated_joint text check (operated_joint in
        ('LEFT_ELBOW', 'RIGHT_ELBOW', 'LEFT_KNEE', 'RIGHT_KNEE', 'LEFT_ANKLE', 'RIGHT_ANKLE')),
    note text check (length(note) <= 2000),
    replaces uuid references outcome.joint_score (id),
    correction_reason text check (length(correction_reason) <= 500),
    superseded_at timestamptz,
    superseded_by uuid references outcome.joint_score (id),
    recorded_at timestamptz not null,
    recorded_by text not null,
    voided_at timestamptz,
    voided_by text,
    void_reason text,
    check ((voided_at is null) = (void_reason is null)),
    check ((replaces is null) = (correction_reason is null)),
    check (context = 'ROUTINE' or operated_joint is not null)
);
-- the history of one patient, in date order
create index joint_score_patient on outcome.joint_score (patient_id, assessed_on);

-- One row per item of a score: the six joints' eight items and the global gait (joint 'GLOBAL', item 'GAIT').
-- Not evaluable (NE) is stored as its own flag with no value: it is never a 0.
create table outcome.joint_score_item (
    score_id uuid not null references outcome.joint_score (id),
    joint text not null check (joint in
        ('LEFT_ELBOW', 'RIGHT_ELBOW', 'LEFT_KNEE', 'RIGHT_KNEE', 'LEFT_ANKLE', 'RIGHT_ANKLE', 'GLOBAL')),
    item text not null check (item in ('SWELLING', 'DURATION_OF_SWELLING', 'MUSCLE_ATROPHY', 'CREPITUS',
        'FLEXION_LOSS', 'EXTENSION_LOSS', 'JOINT_PAIN', 'STRENGTH', 'GAIT')),
    value smallint check (value between 0 and 4),
    not_evaluable boolean not null,
    primary key (score_id, joint, item),
    check (not_evaluable = (value is null)),
    check ((joint = 'GLOBAL') = (item = 'GAIT'))
);

grant select, insert, update on outcome.joint_score, outcome.joint_score_item to ${app_role};
