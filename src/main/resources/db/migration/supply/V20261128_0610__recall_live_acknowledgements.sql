-- Batch recall, live and acknowledged (issue 5): patients reached after the recall was issued (a delivery or infusion
-- from the batch later) are added with the time they were reached; each reached patient has a recall-scoped
-- pseudonym that network analysts see instead of a name (security.md §1, §6); notifications are sent once
-- (notified_at); patients and centres acknowledge with who, in which role, and when.
alter table supply.recall_patient
    add column pseudonym text,
    add column reached_at timestamptz,
    add column notified_at timestamptz,
    add column acknowledged_by_name text,
    add column acknowledged_by_role text;
update supply.recall_patient rp
set pseudonym = 'P-' || upper(substr(md5(rp.recall_id::text || rp.patient_id::text || random()::text), 1, 8)),
    reached_at = (select r.issued_at from supply.recall r where r.id = rp.recall_id);
alter table supply.recall_patient
    alter column pseudonym set not null,
    alter column reached_at set not null;
create unique index recall_patient_pseudonym on supply.recall_patient (recall_id, pseudonym);

-- each centre a recall reaches: its team is notified once and acknowledges for the centre
create table supply.recall_centre (
    recall_id uuid not null references supply.recall (id),
    centre_id uuid not null,
    reached_at timestamptz not null,
    notified_at timestamptz,
    acknowledged_at timestamptz,
    acknowledged_by uuid,
    acknowledged_by_name text,
    primary key (recall_id, centre_id)
);
insert into supply.recall_centre (recall_id, centre_id, reached_at)
select distinct rp.recall_id, rp.centre_id, r.issued_at
from supply.recall_patient rp join supply.recall r on r.id = rp.recall_id;
grant select, insert, update on supply.recall_centre to ${app_role};
