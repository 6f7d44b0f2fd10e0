-- Care pathway (issue 17): the yearly multidisciplinary review, each discipline's part, and shared decisions.
-- Nothing here is deleted: a review is completed and signed, a part is replaced by a newer one (the old row stays,
-- marked replaced), a shared decision is voided with who, when and why.

create table pathway.annual_review (
    id uuid primary key,
    patient_id uuid not null,
    -- the patient's registered centre when the review was opened
    centre_id uuid not null,
    -- the day it was due: the last completed review's day plus the interval, or the opening day for a first review
    due date not null,
    period_from date not null,
    period_to date not null,
    -- the figures the review opened with (outcomes, adherence, factor use, supply, inhibitor tests, PK, HJHS), JSON
    figures jsonb not null,
    gp text,
    status text not null check (status in ('OPEN', 'COMPLETED')),
    version int not null default 1,
    opened_at timestamptz not null,
    opened_by text not null,
    completed_at timestamptz,
    completed_by text,
    completed_by_name text,
    -- the day it was held, in the patient's zone: the next review is due a setting's interval after it
    completed_on date,
    check (period_to >= period_from),
    check ((status = 'COMPLETED') = (completed_at is not null)),
    check ((completed_at is null) = (completed_on is null))
);
create index annual_review_patient on pathway.annual_review (patient_id, opened_at desc);
-- one review in progress per patient at a time
create unique index annual_review_one_open on pathway.annual_review (patient_id) where status = 'OPEN';

create table pathway.annual_review_part (
    id uuid primary key,
    review_id uuid not null references pathway.annual_review (id),
    discipline text not null check (discipline in ('HAEMATOLOGY', 'NURSING', 'PHYSIOTHERAPY', 'PSYCHOSOCIAL')),
    assessment text not null,
    care_plan text,
    entered_at timestamptz not null,
    entered_by text not null,
    entered_by_name text not null,
    entered_by_role text not null,
    replaced_at timestamptz
);
create index annual_review_part_review on pathway.annual_review_part (review_id, discipline, entered_at);

create table pathway.shared_decision (
    id uuid primary key,
    patient_id uuid not null,
    review_id uuid references pathway.annual_review (id),
    decided_on date not null,
    plan_change text not null,
    options_discussed text not null,
    what_matters text not null,
    choice text not null,
    agreed_by text not null,
    recorded_at timestamptz not null,
    recorded_by text not null,
    recorded_by_name text not null,
    voided_at timestamptz,
    voided_by text,
    void_reason text,
    check ((voided_at is null) = (voided_by is null) and (voided_at is null) = (void_reason is null))
);
create index shared_decision_patient on pathway.shared_decision (patient_id, decided_on desc);

grant select, insert, update on pathway.annual_review, pathway.annual_review_part, pathway.shared_decision
    to ${app_role};
