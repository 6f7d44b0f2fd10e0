package org.hemonet.supply;

/** How far a recall reaches: to patients' homes, or only stock held by wholesalers and centres. The names are stored. */
public enum RecallLevel {
    PATIENT,
    WHOLESALE
}
