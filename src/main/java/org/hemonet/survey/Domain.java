package org.hemonet.survey;

/**
 * A score an instrument reports, computed from the items that name it.
 *
 * @param id the key of the score in {@code scores}
 * @param title what the score is called on screen
 * @param method the scoring rule
 * @param minAnswered the fewest answered items for a score (fewer: the domain is not scored)
 * @param higherIsBetter whether a higher score means a better state (for the screens and reports)
 */
public record Domain(String id, String title, ScoringMethod method, int minAnswered, boolean higherIsBetter) {}
