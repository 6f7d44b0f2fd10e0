package org.hemonet.outcome;

/**
 * The regimen a patient of a cohort is counted under: the treatment plan in force on the last day of the observation
 * window (else the latest plan started before it). A prophylaxis plan with a product dosed in mg (emicizumab) is
 * NON_FACTOR; a patient without any plan is NO_PLAN.
 */
public enum CohortRegimen {
    PROPHYLAXIS,
    ON_DEMAND,
    NON_FACTOR,
    NO_PLAN
}
