package org.hemonet.outcome;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The totals of one HJHS 2.1 assessment (clinical.md §4: 0–20 per joint, gait 0–4, total 0–124, higher is worse).
 *
 * <p><b>Rule for not-evaluable (NE) items</b>, which are never counted as 0: a joint total is the sum of the joint's
 * evaluable items, {@code null} when the whole joint is NE; the total is the sum of every evaluable item (joints and
 * gait), {@code null} when nothing was evaluable. {@code complete} is true only when no item is NE; otherwise the NE
 * joints and items are listed, {@code jointsScored} gives the number of joints with at least one evaluable item (the
 * spec's "number of joints scored"), and {@code maxPossible} is the highest total the evaluable items allow, so that
 * 40 of 104 is not read as 40 of 124. Totals of incomplete assessments are not comparable one-for-one with complete
 * ones; the comparison reports item differences only where both sides are evaluable.
 *
 * @param jointTotals per joint, null when the whole joint is NE
 * @param notEvaluableJoints joints whose eight items are all NE
 * @param notEvaluableItems single NE items as {@code JOINT.ITEM} ({@code GAIT} for gait), not repeating whole NE joints
 */
public record HjhsTotals(
        Map<HjhsJoint, @Nullable Integer> jointTotals,
        @Nullable Integer total,
        int maxPossible,
        boolean complete,
        int jointsScored,
        List<HjhsJoint> notEvaluableJoints,
        List<String> notEvaluableItems) {

    public static HjhsTotals of(HjhsAssessment a) {
        Map<HjhsJoint, @Nullable Integer> jointTotals = new EnumMap<>(HjhsJoint.class);
        List<HjhsJoint> neJoints = new ArrayList<>();
        List<String> neItems = new ArrayList<>();
        int total = 0;
        int maxPossible = 0;
        boolean anyEvaluable = false;
        int jointsScored = 0;
        for (HjhsJoint joint : HjhsJoint.values()) {
            int sum = 0;
            int evaluable = 0;
            List<String> neHere = new ArrayList<>();
            for (HjhsItem item : HjhsItem.values()) {
                Integer v = a.value(joint, item);
                if (v == null) {
                    neHere.add(joint.name() + "." + item.name());
                } else {
                    sum += v;
                    evaluable++;
                    maxPossible += item.max();
                }
            }
            if (evaluable == 0) {
                jointTotals.put(joint, null);
                neJoints.add(joint);
            } else {
                jointTotals.put(joint, sum);
                neItems.addAll(neHere);
                total += sum;
                anyEvaluable = true;
                jointsScored++;
            }
        }
        if (a.gait() == null) {
            neItems.add("GAIT");
        } else {
            total += a.gait();
            maxPossible += HjhsItem.GAIT_MAX;
            anyEvaluable = true;
        }
        boolean complete = neJoints.isEmpty() && neItems.isEmpty();
        return new HjhsTotals(
                java.util.Collections.unmodifiableMap(jointTotals),
                anyEvaluable ? total : null,
                maxPossible,
                complete,
                jointsScored,
                List.copyOf(neJoints),
                List.copyOf(neItems));
    }
}
