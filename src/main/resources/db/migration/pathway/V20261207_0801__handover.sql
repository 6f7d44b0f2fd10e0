-- Care pathway (issue 17): the hand-over from paediatric to adult care. The patient module moves the record's centre;
-- this keeps what was handed over, by whom, and until when the paediatric team may still read it. Never deleted.
create table pathway.handover (
    id uuid primary key,
    patient_id uuid not null,
    from_centre_id uuid not null,
    to_centre_id uuid not null,
    handed_over_at timestamptz not null,
    handed_over_by text not null,
    handed_over_by_name text not null,
    -- the paediatric team reads the hand-over (and the record's summary) until then
    read_access_until timestamptz not null,
    summary text not null,
    age_years int not null,
    stage text,
    knows_diagnosis_and_product boolean not null,
    self_infuses boolean not null,
    orders_supplies boolean not null,
    knows_emergency_plan boolean not null,
    check (from_centre_id <> to_centre_id),
    check (read_access_until >= handed_over_at)
);
create index handover_patient on pathway.handover (patient_id, handed_over_at desc);
create index handover_from on pathway.handover (from_centre_id, read_access_until);

grant select, insert on pathway.handover to ${app_role};
