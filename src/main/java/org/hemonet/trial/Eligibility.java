package org.hemonet.trial;

import java.time.LocalDate;
import org.hemonet.patient.InhibitorStatus;
import org.hemonet.patient.PatientSummary;
import org.hemonet.product.ProductClass;
import org.hemonet.supply.Regimen;
import org.hemonet.supply.TreatmentPlan;
import org.jspecify.annotations.Nullable;

/** Whether a patient meets a trial's criteria on a day: a pure rule, tested on its own. */
public final class Eligibility {

    private Eligibility() {}

    /**
     * The treatment a patient is on by their living plan on the day: emicizumab (prophylaxis with it), factor
     * prophylaxis, on demand; {@code null} without a plan. A previously untreated patient (PUP) counts as such until
     * they have a plan.
     */
    public static @Nullable PriorTreatment treatmentOf(
            @Nullable TreatmentPlan plan, @Nullable ProductClass productClass, boolean previouslyUntreated) {
        if (plan == null) {
            return previouslyUntreated ? PriorTreatment.PREVIOUSLY_UNTREATED : null;
        }
        if (plan.regimen() == Regimen.ON_DEMAND) {
            return PriorTreatment.ON_DEMAND;
        }
        return productClass == ProductClass.EMICIZUMAB ? PriorTreatment.EMICIZUMAB : PriorTreatment.FACTOR_PROPHYLAXIS;
    }

    public static boolean meets(
            TrialCriteria c,
            PatientSummary patient,
            LocalDate on,
            @Nullable PriorTreatment treatment,
            boolean previouslyUntreated) {
        if (!c.diagnoses().isEmpty() && !c.diagnoses().contains(patient.diagnosis())) {
            return false;
        }
        if (!c.severities().isEmpty()
                && (patient.severity() == null || !c.severities().contains(patient.severity()))) {
            return false;
        }
        boolean current = patient.inhibitorStatus() == InhibitorStatus.POSITIVE_LOW_RESPONDER
                || patient.inhibitorStatus() == InhibitorStatus.POSITIVE_HIGH_RESPONDER;
        boolean tested = patient.inhibitorStatus() != InhibitorStatus.NOT_TESTED;
        boolean inhibitorOk =
                switch (c.inhibitor()) {
                    case ANY -> true;
                    case CURRENT_INHIBITOR -> current;
                    case NO_CURRENT_INHIBITOR -> tested && !current;
                };
        if (!inhibitorOk) {
            return false;
        }
        int age = patient.ageOn(on);
        if ((c.minAge() != null && age < c.minAge()) || (c.maxAge() != null && age > c.maxAge())) {
            return false;
        }
        return switch (c.priorTreatment()) {
            case ANY -> true;
            case PREVIOUSLY_UNTREATED -> previouslyUntreated;
            default -> c.priorTreatment() == treatment;
        };
    }
}
