-- The infusions given for a bleed, found from the bleed (issue 6, "patients needing attention"): the read model over a
-- centre's patients reads every bleed and the infusions that treat them, without a patient's whole infusion history.
create index infusion_bleed on diary.infusion (bleed_id) where bleed_id is not null;
