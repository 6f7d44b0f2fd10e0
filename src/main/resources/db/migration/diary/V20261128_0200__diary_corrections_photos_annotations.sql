-- Corrections with history, photos of bleeds and clinicians' annotations (issue 6, security.md §18–§19).
-- A correction changes the entry in place (so outcomes read the current version) after copying the version it replaces,
-- with who, when and why, into the *_version table. Nothing here is ever deleted.
alter table diary.bleed add column version integer not null default 0;
alter table diary.infusion add column version integer not null default 0;

create table diary.bleed_version (
    id uuid not null references diary.bleed (id),
    version integer not null,
    patient_id uuid not null,
    started_at timestamptz not null,
    site text not null,
    cause text not null,
    pain smallint,
    joint_immobilising boolean not null,
    days_lost_school smallint not null,
    days_lost_work smallint not null,
    note text,
    recorded_at timestamptz not null,
    recorded_by text not null,
    voided_at timestamptz,
    voided_by text,
    void_reason text,
    corrected_at timestamptz not null,
    corrected_by text not null,
    correction_reason text not null check (length(correction_reason) between 1 and 500),
    primary key (id, version)
);
create index bleed_version_patient on diary.bleed_version (patient_id);

create table diary.infusion_version (
    id uuid not null references diary.infusion (id),
    version integer not null,
    patient_id uuid not null,
    administered_at timestamptz not null,
    product_id uuid not null,
    batch_number text,
    dose numeric(9, 2) not null,
    unit text not null,
    reason text not null,
    bleed_id uuid,
    given_by text,
    note text,
    recorded_at timestamptz not null,
    recorded_by text not null,
    voided_at timestamptz,
    voided_by text,
    void_reason text,
    corrected_at timestamptz not null,
    corrected_by text not null,
    correction_reason text not null check (length(correction_reason) between 1 and 500),
    primary key (id, version)
);
create index infusion_version_patient on diary.infusion_version (patient_id);

-- A photo of a bleed (JPEG or PNG, checked by its first bytes, at most 5 MB). A new photo supersedes the older ones,
-- which are kept.
create table diary.bleed_photo (
    id uuid primary key,
    bleed_id uuid not null references diary.bleed (id),
    patient_id uuid not null,
    content_type text not null check (content_type in ('image/jpeg', 'image/png')),
    bytes bytea not null check (octet_length(bytes) between 1 and 5242880),
    uploaded_at timestamptz not null,
    uploaded_by text not null
);
create index bleed_photo_bleed on diary.bleed_photo (bleed_id, uploaded_at);
create index bleed_photo_patient on diary.bleed_photo (patient_id);

-- A clinician's note on a bleed or an infusion; never changed or deleted.
create table diary.annotation (
    id uuid primary key,
    patient_id uuid not null,
    entry_type text not null check (entry_type in ('BLEED', 'INFUSION')),
    entry_id uuid not null,
    text text not null check (length(text) between 1 and 2000),
    author text not null,
    author_name text not null,
    author_role text not null,
    created_at timestamptz not null
);
create index annotation_patient on diary.annotation (patient_id, created_at);

grant select, insert, update on diary.bleed_version, diary.infusion_version, diary.bleed_photo, diary.annotation
    to ${app_role};
