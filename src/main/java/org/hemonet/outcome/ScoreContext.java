package org.hemonet.outcome;

/** Why a joint score was taken. The names are stored. */
public enum ScoreContext {
    ROUTINE,
    PRE_SURGERY,
    POST_SURGERY
}
