package org.hemonet.outcome;

/** The six joints HJHS 2.1 scores (clinical.md §4). The names are stored and used in the API. */
public enum HjhsJoint {
    LEFT_ELBOW,
    RIGHT_ELBOW,
    LEFT_KNEE,
    RIGHT_KNEE,
    LEFT_ANKLE,
    RIGHT_ANKLE;

    /** The message key of the joint's name, e.g. {@code hjhs.joint.LEFT_KNEE}. */
    public String messageKey() {
        return "hjhs.joint." + name();
    }
}
