package org.hemonet.lab;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hemonet.shared.Actor;

/**
 * What other modules do with a new result, in the same transaction (issue 21): the genetherapy module raises ALT_RISE
 * and LOSS_OF_EXPRESSION alerts and gives antithrombin dosing advice. Implementations are Spring beans; the lab module
 * calls each and returns what they found with the result, so the one who entered it sees it at once.
 */
public interface LabResultChecks {

    Findings check(Actor actor, LabResult result);

    /** An alert raised by a result: {@code type} e.g. {@code ALT_RISE}, {@code LOSS_OF_EXPRESSION}. */
    record Alert(UUID id, String type, LocalDate raisedOn, boolean acknowledged, String detail) {}

    /** A dosing recommendation for the clinician to confirm: {@code action} e.g. {@code KEEP}, {@code LOWER_DOSE}. */
    record Recommendation(UUID id, String action, String detail, String status) {}

    record Findings(List<Alert> alerts, List<Recommendation> recommendations) {

        public static final Findings NONE = new Findings(List.of(), List.of());
    }
}
