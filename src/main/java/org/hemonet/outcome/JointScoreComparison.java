package org.hemonet.outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The change from one HJHS score to a later one, {@code after − before} (higher is worse, so a negative difference is
 * an improvement). A difference is {@code null} where either side is not evaluable: NE is never taken as 0.
 *
 * @param operatedJoint the joint of the operation when the pair is a pre/post-surgery pair
 * @param totalDifference difference of the totals, only when both scores are complete (otherwise null: totals over
 *     different sets of items are not comparable); see {@link #evaluableTotalDifference}
 * @param evaluableTotalDifference sum of the item differences over items evaluable on both sides
 */
public record JointScoreComparison(
        Side before,
        Side after,
        @Nullable HjhsJoint operatedJoint,
        List<JointDifference> joints,
        @Nullable Integer gaitDifference,
        @Nullable Integer totalDifference,
        int evaluableTotalDifference) {

    public record Side(
            UUID id,
            java.time.LocalDate assessedOn,
            ScoreContext context,
            @Nullable String operation,
            @Nullable Integer total) {}

    /**
     * @param items per item (API name), the difference or null where either side is NE
     * @param totalDifference difference of the joint totals when the joint is complete on both sides, else null
     */
    public record JointDifference(
            HjhsJoint joint,
            boolean operated,
            @Nullable Integer totalBefore,
            @Nullable Integer totalAfter,
            @Nullable Integer totalDifference,
            Map<String, @Nullable Integer> items) {}

    public static JointScoreComparison of(JointScore before, JointScore after) {
        HjhsTotals tb = before.totals();
        HjhsTotals ta = after.totals();
        HjhsJoint operated = after.operatedJoint() != null ? after.operatedJoint() : before.operatedJoint();
        List<JointDifference> joints = new ArrayList<>();
        int evaluableDiff = 0;
        for (HjhsJoint joint : HjhsJoint.values()) {
            Map<String, @Nullable Integer> items = new java.util.LinkedHashMap<>();
            boolean completeBoth = true;
            for (HjhsItem item : HjhsItem.values()) {
                Integer b = before.assessment().value(joint, item);
                Integer a = after.assessment().value(joint, item);
                if (a == null || b == null) {
                    items.put(item.jsonName(), null);
                    completeBoth = false;
                } else {
                    items.put(item.jsonName(), a - b);
                    evaluableDiff += a - b;
                }
            }
            Integer totalB = tb.jointTotals().get(joint);
            Integer totalA = ta.jointTotals().get(joint);
            joints.add(new JointDifference(
                    joint,
                    joint == operated,
                    totalB,
                    totalA,
                    completeBoth && totalA != null && totalB != null ? totalA - totalB : null,
                    java.util.Collections.unmodifiableMap(items)));
        }
        Integer gaitDiff = null;
        if (before.assessment().gait() != null && after.assessment().gait() != null) {
            gaitDiff = after.assessment().gait() - before.assessment().gait();
            evaluableDiff += gaitDiff;
        }
        Integer totalDiff = tb.complete() && ta.complete() && tb.total() != null && ta.total() != null
                ? ta.total() - tb.total()
                : null;
        return new JointScoreComparison(
                side(before, tb), side(after, ta), operated, List.copyOf(joints), gaitDiff, totalDiff, evaluableDiff);
    }

    private static Side side(JointScore s, HjhsTotals t) {
        return new Side(s.id(), s.assessedOn(), s.context(), s.operation(), t.total());
    }

    /** The difference for the operated joint, if any. */
    public @Nullable JointDifference operatedJointDifference() {
        return joints.stream().filter(JointDifference::operated).findFirst().orElse(null);
    }
}
