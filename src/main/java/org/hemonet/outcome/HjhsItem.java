package org.hemonet.outcome;

/**
 * The eight per-joint items of HJHS 2.1 with their published maxima (Hilliard et al., Arthritis Care Res 2006;55:36;
 * HJHS 2.1 manual; clinical.md §4): 3 + 1 + 2 + 2 + 3 + 3 + 2 + 4 = 20 per joint. The names are stored.
 */
public enum HjhsItem {
    SWELLING("swelling", 3),
    DURATION_OF_SWELLING("durationOfSwelling", 1),
    MUSCLE_ATROPHY("muscleAtrophy", 2),
    CREPITUS("crepitus", 2),
    FLEXION_LOSS("flexionLoss", 3),
    EXTENSION_LOSS("extensionLoss", 3),
    JOINT_PAIN("jointPain", 2),
    STRENGTH("strength", 4);

    /** Global gait, scored once for the whole body: 0–4. */
    public static final int GAIT_MAX = 4;

    /** Highest joint total: 20. */
    public static final int JOINT_MAX = 20;

    /** Highest total: 6 joints × 20 + gait 4 = 124. */
    public static final int TOTAL_MAX = HjhsJoint.values().length * JOINT_MAX + GAIT_MAX;

    private final String jsonName;
    private final int max;

    HjhsItem(String jsonName, int max) {
        this.jsonName = jsonName;
        this.max = max;
    }

    /** The property name in the API, e.g. {@code durationOfSwelling}. */
    public String jsonName() {
        return jsonName;
    }

    public int max() {
        return max;
    }

    public String messageKey() {
        return "hjhs.item." + name();
    }

    public static java.util.Optional<HjhsItem> ofJsonName(String name) {
        for (HjhsItem item : values()) {
            if (item.jsonName.equals(name)) {
                return java.util.Optional.of(item);
            }
        }
        return java.util.Optional.empty();
    }
}
