package org.hemonet.outcome;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A joint score as the API and the pages show it: the items ({@code "NE"} for not evaluable), the totals by the rule
 * of {@link HjhsTotals}, and for a current POST_SURGERY score the comparison with the latest earlier current
 * PRE_SURGERY score of the same joint.
 */
public record JointScoreView(
        UUID id,
        LocalDate assessedOn,
        String assessor,
        String assessorRole,
        ScoreContext context,
        @Nullable String operation,
        @Nullable HjhsJoint operatedJoint,
        @Nullable String note,
        List<Joint> joints,
        Object gait,
        @Nullable Integer total,
        int maxPossible,
        boolean complete,
        int jointsScored,
        List<HjhsJoint> notEvaluableJoints,
        List<String> notEvaluableItems,
        boolean current,
        @Nullable UUID replaces,
        @Nullable String correctionReason,
        @Nullable UUID supersededBy,
        Instant recordedAt,
        String recordedBy,
        @Nullable Instant voidedAt,
        @Nullable String voidedBy,
        @Nullable String voidReason,
        @Nullable JointScoreComparison comparedWithPreSurgery) {

    public static final String NE = "NE";

    /** One joint: items by API name (a number or {@code "NE"}), its total (null when the whole joint is NE). */
    public record Joint(HjhsJoint joint, Map<String, Object> items, @Nullable Integer total, boolean notEvaluable) {}

    public static JointScoreView of(JointScore s, @Nullable JointScoreComparison comparison) {
        HjhsTotals t = s.totals();
        List<Joint> joints = new ArrayList<>();
        for (HjhsJoint joint : HjhsJoint.values()) {
            Map<String, Object> items = new LinkedHashMap<>();
            for (HjhsItem item : HjhsItem.values()) {
                Integer v = s.assessment().value(joint, item);
                items.put(item.jsonName(), v == null ? NE : v);
            }
            Integer total = t.jointTotals().get(joint);
            joints.add(new Joint(joint, java.util.Collections.unmodifiableMap(items), total, total == null));
        }
        Integer gait = s.assessment().gait();
        return new JointScoreView(
                s.id(),
                s.assessedOn(),
                s.assessorUsername(),
                s.assessorRole(),
                s.context(),
                s.operation(),
                s.operatedJoint(),
                s.note(),
                List.copyOf(joints),
                gait == null ? NE : gait,
                t.total(),
                t.maxPossible(),
                t.complete(),
                t.jointsScored(),
                t.notEvaluableJoints(),
                t.notEvaluableItems(),
                s.isCurrent(),
                s.replaces(),
                s.correctionReason(),
                s.supersededBy(),
                s.recordedAt(),
                s.recordedBy(),
                s.voidedAt(),
                s.voidedBy(),
                s.voidReason(),
                comparison);
    }

    /** Voided (struck out, left out of totals and charts). */
    public boolean voided() {
        return voidedAt != null;
    }

    /** The joint's total, or null when it is NE (for pages). */
    public @Nullable Integer totalOf(HjhsJoint joint) {
        return joints.stream()
                .filter(j -> j.joint() == joint)
                .findFirst()
                .map(Joint::total)
                .orElse(null);
    }
}
