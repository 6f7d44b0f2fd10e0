package org.hemonet.reminder;

/**
 * The kinds of reminder Hemonet knows (issue 16). Sources in this module give DOSE and LOW_STOCK; the others are for
 * the modules that own them to announce through {@link ReminderSource} (the PK module schedules no studies yet).
 */
public enum ReminderKind {
    DOSE,
    LOW_STOCK,
    CLINIC_VISIT,
    ANNUAL_REVIEW,
    SURVEY,
    PK_STUDY
}
