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

    /**
     * The warnings of each of several infusions one request has just stored together (an offline sync, issue 14), in
     * their order: for each, what {@link #warningsFor(Actor, Infusion)} would have answered right after it was stored
     * and before the ones after it in the list were. An implementation that reads the diary must leave the later ones
     * out; the default asks one by one, which is right for one that does not.
     */
    default List<List<String>> warningsForStored(Actor actor, List<Infusion> stored) {
        return stored.stream().map(i -> warningsFor(actor, i)).toList();
    }
}
