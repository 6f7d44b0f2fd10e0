package org.hemonet.supply;

/** Regular doses to prevent bleeds, or doses only when a bleed happens. The names are stored. */
public enum Regimen {
    PROPHYLAXIS,
    ON_DEMAND
}
