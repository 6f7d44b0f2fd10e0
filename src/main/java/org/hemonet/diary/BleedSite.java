package org.hemonet.diary;

/**
 * Where a bleed is (clinical.md §3; documented in docs/diary.md). The names are stored and sent over the API; never
 * rename one. The six major joints, left and right, are the joints of the ISTH target-joint definition.
 */
public enum BleedSite {
    LEFT_ANKLE(Kind.JOINT),
    RIGHT_ANKLE(Kind.JOINT),
    LEFT_KNEE(Kind.JOINT),
    RIGHT_KNEE(Kind.JOINT),
    LEFT_HIP(Kind.JOINT),
    RIGHT_HIP(Kind.JOINT),
    LEFT_ELBOW(Kind.JOINT),
    RIGHT_ELBOW(Kind.JOINT),
    LEFT_SHOULDER(Kind.JOINT),
    RIGHT_SHOULDER(Kind.JOINT),
    LEFT_WRIST(Kind.JOINT),
    RIGHT_WRIST(Kind.JOINT),
    LEFT_ILIOPSOAS(Kind.MUSCLE),
    RIGHT_ILIOPSOAS(Kind.MUSCLE),
    LEFT_THIGH(Kind.MUSCLE),
    RIGHT_THIGH(Kind.MUSCLE),
    LEFT_CALF(Kind.MUSCLE),
    RIGHT_CALF(Kind.MUSCLE),
    LEFT_FOREARM(Kind.MUSCLE),
    RIGHT_FOREARM(Kind.MUSCLE),
    LEFT_UPPER_ARM(Kind.MUSCLE),
    RIGHT_UPPER_ARM(Kind.MUSCLE),
    LEFT_BUTTOCK(Kind.MUSCLE),
    RIGHT_BUTTOCK(Kind.MUSCLE),
    SOFT_TISSUE(Kind.OTHER),
    MOUTH(Kind.OTHER),
    NOSE(Kind.OTHER),
    GASTROINTESTINAL(Kind.OTHER),
    URINARY(Kind.OTHER),
    HEAD(Kind.OTHER),
    OTHER(Kind.OTHER);

    /** Joint (one of the six major joints), muscle group, or any other site. */
    public enum Kind {
        JOINT,
        MUSCLE,
        OTHER
    }

    private final Kind kind;

    BleedSite(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** A major joint: ankle, knee, hip, elbow, shoulder or wrist (left and right separate). */
    public boolean isJoint() {
        return kind == Kind.JOINT;
    }
}
