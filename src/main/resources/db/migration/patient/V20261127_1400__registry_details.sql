-- Registry details (issue 4): contacts, genotype, infection and vCJD-risk status, transition checklist,
-- shared care, medical record numbers, guardians and contacts, family links, consents, care team, ITI episodes,
-- and revisions (who, when, why of every correction). Nothing is ever deleted: rows end or are voided.

alter table patient.patient
    add column phone text,
    add column email text,
    add column genotype_hgvs text,
    add column mutation_class text,
    add column hiv_status text not null default 'UNKNOWN'
        check (hiv_status in ('UNKNOWN', 'NEGATIVE', 'POSITIVE')),
    add column hbv_status text not null default 'UNKNOWN'
        check (hbv_status in ('UNKNOWN', 'NEGATIVE', 'POSITIVE', 'CLEARED', 'IMMUNISED')),
    add column hcv_status text not null default 'UNKNOWN'
        check (hcv_status in ('UNKNOWN', 'NEGATIVE', 'POSITIVE', 'CLEARED')),
    add column vcjd_at_risk boolean not null default false,
    add column knows_diagnosis_and_product boolean not null default false,
    add column self_infuses boolean not null default false,
    add column orders_supplies boolean not null default false,
    add column knows_emergency_plan boolean not null default false;

-- centres that share a patient's care with the registered centre; honoured by the access policy
create table patient.shared_care (
    patient_id uuid not null references patient.patient (id),
    centre_id uuid not null,
    since date not null,
    ended_on date,
    recorded_at timestamptz not null default now(),
    primary key (patient_id, centre_id, since)
);
create index shared_care_centre on patient.shared_care (centre_id) where ended_on is null;

create table patient.record_number (
    patient_id uuid not null references patient.patient (id),
    centre_id uuid not null,
    mrn text not null,
    primary key (patient_id, centre_id)
);

-- guardians of children and other contacts
create table patient.contact (
    id uuid primary key,
    patient_id uuid not null references patient.patient (id),
    kind text not null check (kind in ('GUARDIAN', 'NEXT_OF_KIN', 'OTHER')),
    name text not null,
    relationship text,
    phone text,
    recorded_at timestamptz not null default now(),
    voided_at timestamptz
);
create index contact_patient on patient.contact (patient_id);

-- pedigree: relatives who are patients or carriers in the registry
create table patient.family_link (
    patient_id uuid not null references patient.patient (id),
    relative_id uuid not null references patient.patient (id),
    relationship text not null,
    recorded_at timestamptz not null default now(),
    voided_at timestamptz,
    primary key (patient_id, relative_id)
);

create table patient.consent (
    id uuid primary key,
    patient_id uuid not null references patient.patient (id),
    kind text not null check (kind in ('REGISTRY', 'RESEARCH', 'DATA_SHARING')),
    given boolean not null,
    recorded_on date not null,
    withdrawn_on date,
    recorded_at timestamptz not null default now(),
    recorded_by text not null
);
create index consent_patient on patient.consent (patient_id);

-- the named care team of one patient
create table patient.care_team_member (
    id uuid primary key,
    patient_id uuid not null references patient.patient (id),
    role text not null,
    name text not null,
    recorded_at timestamptz not null default now(),
    ended_at timestamptz
);
create index care_team_patient on patient.care_team_member (patient_id);

-- immune tolerance induction (clinical.md §2)
create table patient.iti_episode (
    id uuid primary key,
    patient_id uuid not null references patient.patient (id),
    started_on date not null,
    regimen text not null,
    ended_on date,
    outcome text check (outcome in ('SUCCESS', 'PARTIAL_SUCCESS', 'FAILURE', 'ONGOING')),
    recorded_at timestamptz not null default now(),
    voided_at timestamptz
);
create index iti_patient on patient.iti_episode (patient_id);

-- every correction of a record: who, when, why and the values it replaced
create table patient.revision (
    id uuid primary key,
    patient_id uuid not null references patient.patient (id),
    version integer not null,
    changed_at timestamptz not null default now(),
    changed_by_account uuid,
    changed_by text not null,
    reason text not null,
    previous jsonb not null,
    changes jsonb not null
);
create index revision_patient on patient.revision (patient_id, version);

alter table patient.inhibitor_test add column recorded_by text;
