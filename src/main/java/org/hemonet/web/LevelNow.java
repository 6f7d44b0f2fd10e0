package org.hemonet.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.hemonet.diary.DoseUnit;
import org.hemonet.diary.Infusion;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.pk.Covariates;
import org.hemonet.pk.Dose;
import org.hemonet.pk.PkEstimator;
import org.hemonet.pk.PkParameters;
import org.jspecify.annotations.Nullable;

/**
 * The patient's "estimated level now" (issue 7): PK for their weight and age applied to the factor infusions they
 * logged in the last {@link #WINDOW}, voided entries and emicizumab (mg) doses left out. Pure: the caller passes the
 * infusions (those of the product whose model is used, issue 20), the moment and the parameters.
 *
 * @param levelIuPerDl the estimate at {@code now}
 * @param lastInfusion the latest infusion counted, if any
 * @param curve the expected level over the next {@link #HORIZON_HOURS} hours, {@code [hours, level, lo, hi]} rows
 *     (no band: lo and hi equal the level)
 */
record LevelNow(double levelIuPerDl, @Nullable Instant lastInfusion, List<double[]> curve) {

    static final Duration WINDOW = Duration.ofDays(14);
    static final int HORIZON_HOURS = 72;

    static Covariates covariates(String model, double weightKg, double ageYears) {
        return covariates(model, weightKg, ageYears, null);
    }

    /**
     * Population covariates for a product's model: weight and age, and for {@code fviii-allard-2020} the product
     * category (ELOCTA for efmoroctocog alfa, the one product the model gives its own clearance; pk-models.md). A
     * model with covariates the patient's record does not hold (lean body weight and VWF of {@code fviii-solms-2020})
     * is refused by the estimator.
     */
    static Covariates covariates(String model, double weightKg, double ageYears, @Nullable String genericName) {
        if (!model.equals("fviii-allard-2020")) {
            return Covariates.of(weightKg, ageYears);
        }
        return Covariates.of(
                weightKg, ageYears, "efmoroctocog alfa".equalsIgnoreCase(genericName) ? "ELOCTA" : "STANDARD");
    }

    /** The factor a diagnosis lacks ({@code FVIII} or {@code FIX}), as the product classes name it, or null. */
    static @Nullable String factorFor(DiagnosisType diagnosis) {
        return switch (diagnosis) {
            case HEMOPHILIA_A -> "FVIII";
            case HEMOPHILIA_B -> "FIX";
            default -> null;
        };
    }

    /** Infusions that may count: IU, not voided, given in the window before {@code now} (not after it). */
    static boolean inWindow(Infusion i, Instant now) {
        return !i.isVoided()
                && i.unit() == DoseUnit.IU
                && !i.administeredAt().isBefore(now.minus(WINDOW))
                && !i.administeredAt().isAfter(now);
    }

    /** The doses counted: IU, not voided, given in the window before {@code now} (not after it), oldest first. */
    static List<Dose> doses(List<Infusion> infusions, Instant now) {
        List<Dose> doses = new ArrayList<>();
        infusions.stream()
                .filter(i -> inWindow(i, now))
                .sorted(Comparator.comparing(Infusion::administeredAt))
                .forEach(i -> doses.add(Dose.bolus(i.administeredAt(), i.dose().doubleValue())));
        return doses;
    }

    static LevelNow compute(
            PkEstimator estimator, List<Infusion> infusions, Instant now, PkParameters parameters, double baseline) {
        List<Dose> doses = doses(infusions, now);
        List<double[]> curve = new ArrayList<>();
        for (int hour = 0; hour <= HORIZON_HOURS; hour++) {
            double level = estimator.levelAt(now.plus(Duration.ofHours(hour)), doses, parameters, baseline);
            curve.add(new double[] {hour, level, level, level});
        }
        return new LevelNow(
                estimator.levelAt(now, doses, parameters, baseline),
                doses.isEmpty() ? null : doses.get(doses.size() - 1).at(),
                curve);
    }

    /**
     * The level rounded to what an estimate can honestly claim: below 1 IU/dL, whole units below 20, then fives below
     * 100, then tens.
     */
    static long rounded(double level) {
        if (level < 20) {
            return Math.round(level);
        }
        if (level < 100) {
            return Math.round(level / 5) * 5;
        }
        return Math.round(level / 10) * 10;
    }

    boolean belowOne() {
        return levelIuPerDl < 1;
    }

    long roundedLevel() {
        return rounded(levelIuPerDl);
    }

    String curveJson() {
        StringBuilder json = new StringBuilder("[");
        curve.forEach(p -> json.append(String.format(Locale.ROOT, "[%.2f,%.3f,%.3f,%.3f],", p[0], p[1], p[2], p[3])));
        if (json.length() > 1) {
            json.setLength(json.length() - 1);
        }
        return json.append(']').toString();
    }
}
