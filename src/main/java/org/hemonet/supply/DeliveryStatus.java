package org.hemonet.supply;

/** Where a home delivery stands: ordered → scheduled → delivered or failed. The names are stored. */
public enum DeliveryStatus {
    ORDERED,
    SCHEDULED,
    DELIVERED,
    FAILED
}
