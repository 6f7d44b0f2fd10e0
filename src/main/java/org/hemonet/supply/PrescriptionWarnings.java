package org.hemonet.supply;

import java.util.List;
import org.hemonet.shared.Actor;

/**
 * Clinical warnings about a plan just prescribed, given at the point of entry (the API's {@code warnings}, a notice on
 * the treatment page). Implemented by other modules (the safety module warns of thrombotic microangiopathy when aPCC is
 * prescribed for a patient on emicizumab, clinical.md §9). Called by the request that prescribed the plan, with its
 * actor, right after it is stored; an implementation may record what it finds for the clinician, idempotently.
 */
public interface PrescriptionWarnings {

    /** Warnings for the prescriber of {@code plan}; empty when there are none. */
    List<String> warningsFor(Actor actor, TreatmentPlan plan);
}
