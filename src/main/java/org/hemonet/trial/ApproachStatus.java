package org.hemonet.trial;

/** Where a patient stands with a trial: asked, agreed, said no, or left after agreeing. */
public enum ApproachStatus {
    APPROACHED,
    CONSENTED,
    DECLINED,
    WITHDRAWN
}
