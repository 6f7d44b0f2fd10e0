package org.hemonet.survey;

/**
 * When a scheduled instrument is due (docs/surveys.md "Schedules"): ONCE from its date until answered; YEARLY on its
 * date every year until answered (an answer in the 30 days before counts); BEFORE_ANNUAL_REVIEW in the 30 days before
 * each yearly review date, lapsing at the review if unanswered.
 */
public enum Recurrence {
    ONCE,
    YEARLY,
    BEFORE_ANNUAL_REVIEW
}
