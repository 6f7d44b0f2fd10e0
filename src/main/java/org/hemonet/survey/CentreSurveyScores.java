package org.hemonet.survey;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * Raw (not yet disclosure-controlled) scores of one instrument at one centre: each patient's latest response in the
 * period counts once. For the network reports, which apply disclosure control before anything is shown.
 *
 * @param patients patients with a response
 * @param domains by domain id: how many of them have a score in it and the sum of their scores
 */
public record CentreSurveyScores(UUID centreId, long patients, Map<String, DomainTotal> domains) {

    /** The patients scored in a domain and the sum of their scores (the mean is {@code sum / patients}). */
    public record DomainTotal(long patients, BigDecimal sum) {}
}
