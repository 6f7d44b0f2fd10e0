package org.hemonet.supply;

/** Major or minor surgery (WFH 2020 targets differ). The names are stored and appear in the API. */
public enum SurgeryKind {
    MAJOR,
    MINOR;

    BleedSite site() {
        return this == MAJOR ? BleedSite.MAJOR_SURGERY : BleedSite.MINOR_SURGERY;
    }
}
