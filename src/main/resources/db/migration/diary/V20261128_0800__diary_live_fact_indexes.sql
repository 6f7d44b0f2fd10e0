-- Issue 6 "Scale": a patient's outcomes over 10 years read ~5,000 infusions among ~10 million. Rows are written in
-- time order, so one patient's infusions lie one per heap page; these covering indexes hold every column the outcome
-- engine needs (BleedDiary.factsOf), so the read is an index-only scan of ~100 adjacent pages instead of ~5,000 heap
-- pages. Partial on living rows: voided entries never count (clinical.md §3). Costs ~60 bytes an infusion.
create index infusion_patient_live_facts on diary.infusion (patient_id, administered_at)
    include (dose, unit, reason, bleed_id) where voided_at is null;

create index bleed_patient_live_facts on diary.bleed (patient_id, started_at)
    include (id, site, cause, pain, joint_immobilising, days_lost_school, days_lost_work) where voided_at is null;

-- An index-only scan skips the heap only for pages the visibility map marks all-visible, which VACUUM sets. By default
-- an insert-only table is vacuumed after inserts of 20 % of its size: two years of a 10-million-row diary. Vacuum these
-- tables after every 10,000 + 0.5 % new rows instead (about every two or three weeks at UK network size).
alter table diary.infusion set (autovacuum_vacuum_insert_threshold = 10000, autovacuum_vacuum_insert_scale_factor = 0.005);
alter table diary.bleed set (autovacuum_vacuum_insert_threshold = 10000, autovacuum_vacuum_insert_scale_factor = 0.005);
