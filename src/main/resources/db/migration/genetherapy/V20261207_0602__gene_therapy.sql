-- Issue 21: gene therapy follow-up and antithrombin-lowering dosing. Owned by the genetherapy module.
-- Nothing is deleted: a wrong record is voided with who, when and why (CONVENTIONS rule 4).
create schema genetherapy;
grant usage on schema genetherapy to ${app_role};
alter default privileges in schema genetherapy grant select, insert, update on tables to ${app_role};

-- The follow-up template and alert thresholds of a gene therapy product; a product without a row uses the defaults
-- (GeneTherapySettings.DEFAULT): factor activity and ALT weekly to week 12, fortnightly to week 26, every 4 weeks to
-- week 52, then every 26 weeks; ALT alert above the upper limit of normal or at 1.5 x the patient's baseline; loss of
-- expression below 5 IU/dL on two consecutive results from week 12.
create table genetherapy.product_setting (
    product_id uuid primary key,
    weekly_until_week integer not null check (weekly_until_week between 0 and 104),
    fortnightly_until_week integer not null check (fortnightly_until_week between 0 and 104),
    monthly_until_week integer not null check (monthly_until_week between 1 and 156),
    long_term_interval_weeks integer not null check (long_term_interval_weeks between 4 and 104),
    alt_rise_factor numeric(4, 2) not null check (alt_rise_factor > 1),
    alt_above_uln boolean not null,
    expression_floor numeric(6, 2) not null check (expression_floor > 0),
    expression_from_week integer not null check (expression_from_week between 0 and 104),
    updated_by text not null,
    updated_at timestamptz not null
);

create table genetherapy.gene_therapy (
    id uuid primary key,
    patient_id uuid not null,
    product_id uuid not null,
    batch_number text not null,
    infused_on date not null,
    dose_vg_per_kg numeric not null check (dose_vg_per_kg > 0),
    weight_kg numeric(5, 1),
    -- eligibility work-up
    aav_antibodies text not null check (aav_antibodies in ('NEGATIVE', 'POSITIVE', 'NOT_TESTED')),
    aav_titre text check (length(aav_titre) <= 40),
    baseline_alt numeric(8, 2) not null check (baseline_alt > 0),
    liver_health text not null check (liver_health in ('NORMAL', 'ABNORMAL', 'NOT_ASSESSED')),
    inhibitor_history text not null check (inhibitor_history in ('NEVER', 'PAST', 'CURRENT', 'UNKNOWN')),
    eligibility_notes text check (length(eligibility_notes) <= 2000),
    -- the follow-up template at the time of the infusion (a later change of the product's setting does not move it)
    weekly_until_week integer not null,
    fortnightly_until_week integer not null,
    monthly_until_week integer not null,
    long_term_interval_weeks integer not null,
    recorded_by text not null,
    recorded_at timestamptz not null,
    voided_at timestamptz,
    voided_by text,
    void_reason text check (length(void_reason) <= 500)
);
-- an AAV gene therapy is given once: one valid record per patient
create unique index gene_therapy_once on genetherapy.gene_therapy (patient_id) where voided_at is null;

create table genetherapy.alert (
    id uuid primary key,
    gene_therapy_id uuid not null references genetherapy.gene_therapy (id),
    patient_id uuid not null,
    type text not null check (type in ('ALT_RISE', 'LOSS_OF_EXPRESSION')),
    raised_on date not null,
    raised_at timestamptz not null,
    lab_result_id uuid not null,
    sampled_on date not null,
    value numeric(12, 3) not null,
    threshold numeric(12, 3) not null,
    acknowledged_at timestamptz,
    acknowledged_by text,
    acknowledgement_note text check (length(acknowledgement_note) <= 500),
    check ((acknowledged_at is null) = (acknowledged_by is null))
);
create index alert_by_therapy on genetherapy.alert (gene_therapy_id, raised_at);
create unique index alert_once_per_result on genetherapy.alert (lab_result_id, type);

create table genetherapy.steroid_course (
    id uuid primary key,
    gene_therapy_id uuid not null references genetherapy.gene_therapy (id),
    patient_id uuid not null,
    alert_id uuid references genetherapy.alert (id),
    drug text not null check (length(drug) between 1 and 80),
    started_on date not null,
    recorded_by text not null,
    recorded_at timestamptz not null
);

-- the course's doses: the first step is the starting dose on started_on; a dose of 0 ends the course
create table genetherapy.steroid_step (
    id uuid primary key,
    course_id uuid not null references genetherapy.steroid_course (id),
    from_on date not null,
    dose_mg_per_day numeric(6, 1) not null check (dose_mg_per_day >= 0),
    recorded_by text not null,
    recorded_at timestamptz not null,
    unique (course_id, from_on)
);

-- antithrombin-lowering therapy (fitusiran): the course and the label step it is on
create table genetherapy.at_course (
    id uuid primary key,
    patient_id uuid not null,
    product_id uuid not null,
    started_on date not null,
    step text not null,
    step_since date not null,
    stopped_on date,
    recorded_by text not null,
    recorded_at timestamptz not null,
    version integer not null default 0
);
create unique index at_course_once on genetherapy.at_course (patient_id) where stopped_on is null;

create table genetherapy.at_recommendation (
    id uuid primary key,
    course_id uuid not null references genetherapy.at_course (id),
    patient_id uuid not null,
    lab_result_id uuid not null unique,
    sampled_on date not null,
    antithrombin_percent numeric(8, 3) not null,
    from_step text not null,
    action text not null check (action in ('KEEP', 'LOWER_DOSE', 'LENGTHEN_INTERVAL', 'SHORTEN_INTERVAL',
                                           'RAISE_DOSE', 'STOP')),
    to_step text,
    status text not null check (status in ('PENDING', 'CONFIRMED', 'DECLINED', 'SUPERSEDED')),
    created_at timestamptz not null,
    decided_by text,
    decided_at timestamptz
);
create index at_recommendation_by_patient on genetherapy.at_recommendation (patient_id, created_at);
