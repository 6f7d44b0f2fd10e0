-- Inhibitor surveillance (issue 13, clinical.md §2, §9) files one draft per new inhibitor: a patient's confirmed
-- inhibitor has one onset (the first positive sample), so a repeated announcement cannot file a second report, even
-- when two arrive at once. A voided draft still holds its place: the clinician decided about that inhibitor.
create unique index adverse_event_surveillance_once on safety.adverse_event (patient_id, onset_on)
    where source = 'INHIBITOR_SURVEILLANCE' and category = 'INHIBITOR';
