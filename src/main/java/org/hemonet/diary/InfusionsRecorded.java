package org.hemonet.diary;

import java.util.List;

/**
 * The infusions one diary change stored, published once per change after them (a sync batch: all its new infusions;
 * one logged online: just that one), so that a module keeping something in step with the diary can do it as a set, in
 * a few statements rather than a few per infusion (issue 14: home stock and recalled-batch alerts). Every infusion
 * stored is in exactly one of these and also has its own {@link InfusionRecorded}: a listener handles one kind or the
 * other, never both, or it would count an infusion twice.
 */
public record InfusionsRecorded(List<InfusionRecorded> infusions) {

    public InfusionsRecorded {
        infusions = List.copyOf(infusions);
    }
}
