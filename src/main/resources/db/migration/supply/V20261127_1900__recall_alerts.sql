-- Recall alerts (issue 5): an infusion was logged from a batch already recalled. The infusion is stored (it happened);
-- the patient's centre is alerted on the recall's page. The application role may read, insert and update, never
-- delete (CONVENTIONS rule 4); the schema's default privileges grant that.
create table supply.recall_alert (
    id uuid primary key,
    recall_id uuid not null references supply.recall (id),
    patient_id uuid not null,
    centre_id uuid not null,
    infusion_id uuid not null,
    batch_number text not null,
    administered_at timestamptz not null,
    raised_at timestamptz not null,
    unique (recall_id, infusion_id)
);
create index recall_alert_recall on supply.recall_alert (recall_id);
grant select, insert, update on supply.recall_alert to ${app_role};
