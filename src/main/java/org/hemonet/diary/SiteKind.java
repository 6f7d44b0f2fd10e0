package org.hemonet.diary;

/** Joint (one of the six major joints), muscle group, or any other site. */
public enum SiteKind {
    JOINT,
    MUSCLE,
    OTHER
}
