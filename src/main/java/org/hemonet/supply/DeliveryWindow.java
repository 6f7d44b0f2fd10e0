package org.hemonet.supply;

/** The delivery slot the patient chose. The names are stored. */
public enum DeliveryWindow {
    STANDARD,
    EARLY,
    LATE,
    WEEKEND
}
