package org.hemonet.diary;

import java.util.List;
import org.hemonet.shared.Actor;

/**
 * Clinical warnings about an infusion just logged, given at the point of entry (the API's {@code warnings}, the diary
 * page's notice). Implemented by other modules (the safety module warns of thrombotic microangiopathy when a patient on
 * emicizumab gets more than 100 U/kg of aPCC in 24 h, clinical.md §9). Called by the request that logged the infusion,
 * with its actor, right after it is stored; an implementation may record what it finds for the clinician and must do
 * so idempotently (the page and the API may each ask once).
 */
public interface InfusionWarnings {

    /** Warnings for the person who logged {@code infusion}; empty when there are none. */
    List<String> warningsFor(Actor actor, Infusion infusion);
}
