-- Batch recalls (issue 5): who received or was infused with a recalled batch, found when the recall is issued and
-- kept, with each patient's acknowledgement. Owned by the supply module.
create table supply.recall (
    id uuid primary key,
    product_id uuid not null,
    batch_numbers text[] not null check (cardinality(batch_numbers) between 1 and 50),
    reason text not null check (length(reason) between 1 and 2000),
    level text not null check (level in ('PATIENT', 'WHOLESALE')),
    issued_by uuid not null,
    issued_by_name text not null,
    issued_at timestamptz not null
);

create table supply.recall_patient (
    recall_id uuid not null references supply.recall (id),
    patient_id uuid not null,
    centre_id uuid not null,
    vials_received integer not null,
    vials_infused integer not null,
    voided_infusions integer not null,
    vials_at_home integer not null,
    acknowledged_at timestamptz,
    acknowledged_by uuid,
    primary key (recall_id, patient_id)
);
create index recall_patient_patient on supply.recall_patient (patient_id);
