package org.hemonet.diary;

/**
 * Where a bleed is (clinical.md §3; documented in docs/diary.md). The names are stored and sent over the API; never
 * rename one. The six major joints, left and right, are the joints of the ISTH target-joint definition.
 */
public enum BleedSite {
    LEFT_ANKLE(SiteKind.JOINT),
    RIGHT_ANKLE(SiteKind.JOINT),
    LEFT_KNEE(SiteKind.JOINT),
    RIGHT_KNEE(SiteKind.JOINT),
    LEFT_HIP(SiteKind.JOINT),
    RIGHT_HIP(SiteKind.JOINT),
    LEFT_ELBOW(SiteKind.JOINT),
    RIGHT_ELBOW(SiteKind.JOINT),
    LEFT_SHOULDER(SiteKind.JOINT),
    RIGHT_SHOULDER(SiteKind.JOINT),
    LEFT_WRIST(SiteKind.JOINT),
    RIGHT_WRIST(SiteKind.JOINT),
    LEFT_ILIOPSOAS(SiteKind.MUSCLE),
    RIGHT_ILIOPSOAS(SiteKind.MUSCLE),
    LEFT_THIGH(SiteKind.MUSCLE),
    RIGHT_THIGH(SiteKind.MUSCLE),
    LEFT_CALF(SiteKind.MUSCLE),
    RIGHT_CALF(SiteKind.MUSCLE),
    LEFT_FOREARM(SiteKind.MUSCLE),
    RIGHT_FOREARM(SiteKind.MUSCLE),
    LEFT_UPPER_ARM(SiteKind.MUSCLE),
    RIGHT_UPPER_ARM(SiteKind.MUSCLE),
    LEFT_BUTTOCK(SiteKind.MUSCLE),
    RIGHT_BUTTOCK(SiteKind.MUSCLE),
    SOFT_TISSUE(SiteKind.OTHER),
    MOUTH(SiteKind.OTHER),
    NOSE(SiteKind.OTHER),
    GASTROINTESTINAL(SiteKind.OTHER),
    URINARY(SiteKind.OTHER),
    HEAD(SiteKind.OTHER),
    OTHER(SiteKind.OTHER);

    private final SiteKind kind;

    BleedSite(SiteKind kind) {
        this.kind = kind;
    }

    public SiteKind kind() {
        return kind;
    }

    /** A major joint: ankle, knee, hip, elbow, shoulder or wrist (left and right separate). */
    public boolean isJoint() {
        return kind == SiteKind.JOINT;
    }
}
