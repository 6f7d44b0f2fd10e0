-- Issue 14 (attention list at scale): a per-patient change counter of the diary, so that read models held outside the
-- diary (the "patients needing attention" list keeps each patient's reasons) can tell in one primary-key lookup per
-- patient whether anything of that patient's diary changed since they computed it. Kept by statement-level triggers,
-- so that every writer counts: the API's inserts, voids and corrections, the registry import, the bulk loaders' COPY
-- and tests writing rows directly. A counter, not a clock: it does not depend on which node or clock wrote, nor on the
-- order in which concurrent transactions commit (a reader compares the value it saw before reading the diary).
create table diary.patient_change (
    patient_id uuid primary key,
    version bigint not null
);
grant select, insert, update on diary.patient_change to ${app_role};

create function diary.note_patient_change() returns trigger language plpgsql as $$
begin
    -- patients in a fixed order, so that two multi-patient statements never wait for each other's rows the other way
    insert into diary.patient_change as c (patient_id, version)
    select patient_id, 1 from (select distinct patient_id from changed) d order by patient_id
    on conflict (patient_id) do update set version = c.version + 1;
    return null;
end
$$;

create trigger infusion_inserted after insert on diary.infusion
    referencing new table as changed for each statement execute function diary.note_patient_change();
create trigger infusion_updated after update on diary.infusion
    referencing new table as changed for each statement execute function diary.note_patient_change();
create trigger bleed_inserted after insert on diary.bleed
    referencing new table as changed for each statement execute function diary.note_patient_change();
create trigger bleed_updated after update on diary.bleed
    referencing new table as changed for each statement execute function diary.note_patient_change();
