package org.hemonet.pk.internal;

import java.util.ArrayList;
import java.util.List;
import org.hemonet.pk.RegimenComparison;
import org.hemonet.pk.RegimenProposal;
import org.hemonet.pk.RegimenQuestion;
import org.hemonet.pk.Schedule;
import org.hemonet.pk.VialCount;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Steady-state dosing for a target trough (pk-models.md, "What the clinician gets"). For a schedule repeating every P
 * hours with equal boluses D at offsets o_k, the steady-state level just before the dose at o_m is {@code D/V1 · Σ_k
 * Σᵢ Aᵢ e^(−λᵢΔ_km)/(1 − e^(−λᵢP))} ({@link Disposition#steadyStatePerIu}); for one dose per interval τ this is the
 * spec's {@code C_trough,ss = D/V1 · Σ Aᵢ e^(−λᵢτ)/(1 − e^(−λᵢτ))}. The level is linear in D, so the dose for a target
 * is the target above baseline divided by the trough per IU. Doses are treated as boluses.
 */
public final class Regimens {

    private static final double MIN_PERIOD_HOURS = 6;
    private static final double MAX_PERIOD_HOURS = 24 * 28;
    private static final double MAX_ETA = 3;
    private static final double MAX_TARGET = 100;

    private Regimens() {}

    public static RegimenComparison propose(PopulationModel model, RegimenQuestion question) {
        double[] typical = model.typical(question.covariates());
        double[] eta = eta(model, question.eta());
        validate(question);
        double[] individual = model.individual(typical, eta);
        Disposition disposition = PopulationModel.disposition(individual);
        Double weightKg = question.covariates().weightKg();
        List<String> warnings = new ArrayList<>(model.extrapolationWarnings(question.covariates()));
        if (question.eta() == null) {
            warnings.add("No individual PK given: the doses are for the population typical patient with these"
                    + " covariates");
        }
        List<RegimenProposal> proposals = new ArrayList<>();
        for (Schedule schedule : question.schedules()) {
            proposals.add(proposal(disposition, schedule, question, weightKg));
        }
        return new RegimenComparison(
                model.id(),
                PopulationModel.toParameters(individual),
                question.targetTroughIuPerDl(),
                List.copyOf(proposals),
                List.copyOf(warnings));
    }

    /** Steady-state trough per IU of each dose: the lowest pre-dose level over the period. */
    static double troughPerIu(Disposition disposition, Schedule schedule) {
        double[] offsets = offsets(schedule);
        double trough = Double.MAX_VALUE;
        for (double offset : offsets) {
            trough = Math.min(trough, disposition.steadyStatePerIu(schedule.periodHours(), offsets, offset));
        }
        return trough;
    }

    /** Steady-state peak per IU of each dose: the highest pre-dose level plus the bolus 1/V1. */
    static double peakPerIu(Disposition disposition, Schedule schedule) {
        double[] offsets = offsets(schedule);
        double before = 0;
        for (double offset : offsets) {
            before = Math.max(before, disposition.steadyStatePerIu(schedule.periodHours(), offsets, offset));
        }
        return before + 1 / disposition.v1();
    }

    private static RegimenProposal proposal(
            Disposition disposition, Schedule schedule, RegimenQuestion question, @Nullable Double weightKg) {
        List<String> warnings = new ArrayList<>();
        double baseline = question.baselineIuPerDl();
        double troughPerIu = troughPerIu(disposition, schedule);
        double exact = Math.max(0, question.targetTroughIuPerDl() - baseline) / troughPerIu;
        List<VialCount> vials;
        double dose;
        if (exact == 0) {
            warnings.add("The baseline already reaches the target trough; no dose is needed for it");
            vials = List.of();
            dose = 0;
        } else if (exact > StudyEstimation.MAX_DOSE_IU) {
            warnings.add("The dose for this target exceeds " + (int) StudyEstimation.MAX_DOSE_IU
                    + " IU; choose a shorter interval or a lower target");
            vials = List.of();
            dose = Math.ceil(exact);
        } else {
            vials = VialRounding.roundUp(exact, question.vialSizesIu());
            dose = VialRounding.total(vials);
        }
        double weeklyIu = dose * schedule.dosesPerWeek();
        Double price = question.pricePerIu();
        return new RegimenProposal(
                schedule.label(),
                schedule.periodHours(),
                schedule.doseHours(),
                schedule.dosesPerWeek(),
                exact,
                dose,
                weightKg == null ? Double.NaN : dose / weightKg,
                vials,
                baseline + dose * troughPerIu,
                baseline + dose * peakPerIu(disposition, schedule),
                weeklyIu,
                price == null ? null : weeklyIu * price,
                List.copyOf(warnings));
    }

    private static double[] offsets(Schedule schedule) {
        return schedule.doseHours().stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] eta(PopulationModel model, @Nullable List<Double> given) {
        if (given == null) {
            return new double[model.etaCount()];
        }
        if (given.size() != model.etaCount()) {
            throw new InvalidInputException(
                    "eta",
                    "The model " + model.id() + " has " + model.etaCount() + " η " + model.etaNames() + ", "
                            + given.size() + " given");
        }
        double[] eta = new double[given.size()];
        for (int i = 0; i < eta.length; i++) {
            Double value = given.get(i);
            if (value == null || !(Math.abs(value) <= MAX_ETA)) {
                throw new InvalidInputException("eta[" + i + "]", "Each η must lie between -3 and 3");
            }
            eta[i] = value;
        }
        return eta;
    }

    private static void validate(RegimenQuestion question) {
        double target = question.targetTroughIuPerDl();
        if (!(target > 0 && target <= MAX_TARGET)) {
            throw new InvalidInputException(
                    "targetTroughIuPerDl", "The target trough must be more than 0 and at most 100 IU/dL");
        }
        double baseline = question.baselineIuPerDl();
        if (!(baseline >= 0 && baseline <= 200)) {
            throw new InvalidInputException("baselineIuPerDl", "The baseline must be between 0 and 200 IU/dL");
        }
        if (question.vialSizesIu().isEmpty()) {
            throw new InvalidInputException("vialSizesIu", "At least one vial size is needed");
        }
        for (int i = 0; i < question.vialSizesIu().size(); i++) {
            Integer size = question.vialSizesIu().get(i);
            if (size == null || size <= 0 || size > 10_000) {
                throw new InvalidInputException("vialSizesIu[" + i + "]", "A vial holds 1 to 10,000 IU");
            }
        }
        Double price = question.pricePerIu();
        if (price != null && !(price >= 0 && Double.isFinite(price))) {
            throw new InvalidInputException("pricePerIu", "The price per IU must be a number ≥ 0");
        }
        if (question.schedules().isEmpty()) {
            throw new InvalidInputException("regimens", "At least one regimen is needed");
        }
        if (question.schedules().size() > 20) {
            throw new InvalidInputException("regimens", "At most 20 regimens can be compared at once");
        }
        for (int i = 0; i < question.schedules().size(); i++) {
            Schedule schedule = question.schedules().get(i);
            String field = "regimens[" + i + "]";
            double period = schedule.periodHours();
            if (!(period >= MIN_PERIOD_HOURS && period <= MAX_PERIOD_HOURS)) {
                throw new InvalidInputException(
                        field + ".intervalHours",
                        "The interval must be between " + (int) MIN_PERIOD_HOURS + " and " + (int) MAX_PERIOD_HOURS
                                + " hours");
            }
            List<Double> hours = schedule.doseHours();
            if (hours.isEmpty() || hours.size() > 28) {
                throw new InvalidInputException(field + ".weeklyDoseHours", "Between 1 and 28 doses per period");
            }
            double previous = -1;
            for (Double h : hours) {
                if (h == null || !(h >= 0 && h < period) || h <= previous) {
                    throw new InvalidInputException(
                            field + ".weeklyDoseHours",
                            "Dose times must increase strictly within the period, from 0 to under " + period + " h");
                }
                previous = h;
            }
        }
    }
}
