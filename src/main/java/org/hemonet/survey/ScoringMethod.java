package org.hemonet.survey;

/**
 * How a domain's score is computed from the values of its answered items (docs/surveys.md "Scoring rules"). "Not
 * applicable" and unanswered optional items are left out; a domain with fewer answered items than its
 * {@code minAnswered} is not scored.
 */
public enum ScoringMethod {
    /**
     * 0–100: the mean over answered items of {@code (value − min) / (max − min) × 100}, or {@code (max − value) / (max −
     * min) × 100} for a reverse-keyed item, where min and max are the ends of the item's scale.
     */
    PERCENT,
    /** The mean of the raw values (e.g. 0–10 for pain ratings). */
    MEAN,
    /** The sum of the raw values. */
    SUM
}
