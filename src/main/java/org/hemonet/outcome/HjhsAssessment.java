package org.hemonet.outcome;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The raw items of one HJHS 2.1 assessment: every item of every joint, and gait, is either a value in its range or
 * not evaluable (NE). NE is {@code null} here and a flag in the database, never a 0.
 *
 * @param joints for each of the six joints, a value for each of its eight items (null: NE)
 * @param gait global gait 0–4, null when not evaluable
 */
public record HjhsAssessment(Map<HjhsJoint, Map<HjhsItem, @Nullable Integer>> joints, @Nullable Integer gait) {

    public HjhsAssessment {
        Map<HjhsJoint, Map<HjhsItem, @Nullable Integer>> copy = new EnumMap<>(HjhsJoint.class);
        for (HjhsJoint joint : HjhsJoint.values()) {
            Map<HjhsItem, @Nullable Integer> given = joints.get(joint);
            if (given == null || given.size() != HjhsItem.values().length) {
                throw new IllegalArgumentException("every item of " + joint + " is needed (a value or NE)");
            }
            Map<HjhsItem, @Nullable Integer> items = new EnumMap<>(HjhsItem.class);
            for (HjhsItem item : HjhsItem.values()) {
                if (!given.containsKey(item)) {
                    throw new IllegalArgumentException(joint + "." + item + " is missing");
                }
                Integer value = given.get(item);
                if (value != null && (value < 0 || value > item.max())) {
                    throw new IllegalArgumentException(joint + "." + item + " out of range");
                }
                items.put(item, value);
            }
            copy.put(joint, Collections.unmodifiableMap(items));
        }
        joints = Collections.unmodifiableMap(copy);
        if (gait != null && (gait < 0 || gait > HjhsItem.GAIT_MAX)) {
            throw new IllegalArgumentException("gait out of range");
        }
    }

    public @Nullable Integer value(HjhsJoint joint, HjhsItem item) {
        return joints.get(joint).get(item);
    }
}
