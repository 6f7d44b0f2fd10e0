package org.hemonet.pk.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hemonet.pk.Covariates;
import org.hemonet.pk.CurvePoint;
import org.hemonet.pk.Dose;
import org.hemonet.pk.LevelSample;
import org.hemonet.pk.PkEstimate;
import org.hemonet.pk.PkParameters;
import org.hemonet.pk.PkStudy;
import org.hemonet.pk.RegimenQuestion;
import org.hemonet.pk.Schedule;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** Request and response payloads of {@link PkController} ({@code /api/v1/pk}). */
final class PkApi {

    private static final double DEFAULT_REPORT_DOSE_IU_PER_KG = 50;

    private PkApi() {}

    /** {@code POST /api/v1/pk/estimate}. */
    record EstimateRequest(
            @NotBlank String model,
            @NotNull Map<String, Object> covariates,
            @Nullable @PositiveOrZero Double baselineIuPerDl,
            @NotEmpty @Size(max = 200) List<@Valid @NotNull DoseRequest> doses,
            @Nullable @Size(max = 100) List<@Valid @NotNull SampleRequest> samples,
            @Nullable @PositiveOrZero Double lloqIuPerDl,
            @Nullable @Positive Double reportDoseIuPerKg) {

        PkStudy toStudy() {
            return new PkStudy(
                    model,
                    new Covariates(covariates),
                    baselineIuPerDl == null ? 0 : baselineIuPerDl,
                    doses.stream()
                            .map(d -> new Dose(d.at(), d.iu(), d.infusionMinutes() == null ? 0 : d.infusionMinutes()))
                            .toList(),
                    samples == null
                            ? List.of()
                            : samples.stream()
                                    .map(s -> new LevelSample(s.at(), s.iuPerDl()))
                                    .toList(),
                    lloqIuPerDl,
                    reportDoseIuPerKg == null ? DEFAULT_REPORT_DOSE_IU_PER_KG : reportDoseIuPerKg);
        }
    }

    record DoseRequest(
            @NotNull Instant at,
            @NotNull @Positive @DecimalMax("50000") Double iu,
            @Nullable @PositiveOrZero Double infusionMinutes) {}

    record SampleRequest(@NotNull Instant at, @NotNull @PositiveOrZero Double iuPerDl) {}

    record EstimateResponse(
            String model,
            ParametersResponse typical,
            ParametersResponse individual,
            List<String> etaParameters,
            List<Double> eta,
            double halfLifeHours,
            List<Double> halfLifeCi90,
            Map<String, @Nullable Double> hoursTo,
            double reportDoseIu,
            Instant curveStart,
            List<CurvePoint> curve,
            int samplesUsed,
            List<String> warnings) {

        static EstimateResponse from(PkEstimate e) {
            return new EstimateResponse(
                    e.model(),
                    ParametersResponse.from(e.typical()),
                    ParametersResponse.from(e.individual()),
                    e.etaParameters(),
                    e.eta(),
                    e.halfLifeHours(),
                    e.halfLifeCi90(),
                    e.hoursTo(),
                    e.reportDoseIu(),
                    e.curveStart(),
                    e.curve(),
                    e.samplesUsed(),
                    e.warnings());
        }
    }

    /**
     * Parameters in dL and dL/h; {@code qDlPerH} and {@code v2Dl} only for two- and three-compartment models, {@code
     * q3DlPerH} and {@code v3Dl} only for three-compartment models.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ParametersResponse(
            double clDlPerH,
            double v1Dl,
            @Nullable Double qDlPerH,
            @Nullable Double v2Dl,
            @Nullable Double q3DlPerH,
            @Nullable Double v3Dl,
            double halfLifeHours) {

        static ParametersResponse from(PkParameters p) {
            return new ParametersResponse(
                    p.clDlPerH(),
                    p.v1Dl(),
                    p.qDlPerH(),
                    p.v2Dl(),
                    p.q3DlPerH(),
                    p.v3Dl(),
                    org.hemonet.pk.internal.Disposition.of(p).terminalHalfLifeHours());
        }
    }

    /**
     * {@code POST /api/v1/pk/regimen}: the dose for {@code targetTroughIuPerDl} under a single {@code intervalHours},
     * under each of {@code regimens}, or, when neither is given, under every 2 days, 3×/week and every 3 days.
     */
    record RegimenRequest(
            @NotBlank String model,
            @NotNull Map<String, Object> covariates,
            @Nullable List<@NotNull Double> eta,
            @Nullable @PositiveOrZero Double baselineIuPerDl,
            @NotNull @Positive @DecimalMax("100") Double targetTroughIuPerDl,
            @Nullable @DecimalMin("6") @DecimalMax("672") Double intervalHours,
            @Nullable @Size(max = 20) List<@Valid @NotNull RegimenSpec> regimens,
            @NotEmpty @Size(max = 10) List<@NotNull @Positive Integer> vialSizesIu,
            @Nullable @PositiveOrZero Double pricePerIu) {

        RegimenQuestion toQuestion() {
            List<Schedule> schedules = new ArrayList<>();
            if (intervalHours != null) {
                schedules.add(Schedule.every(intervalHours));
            }
            if (regimens != null) {
                for (int i = 0; i < regimens.size(); i++) {
                    schedules.add(regimens.get(i).toSchedule(i));
                }
            }
            if (schedules.isEmpty()) {
                schedules.addAll(Schedule.usualProphylaxis());
            }
            return new RegimenQuestion(
                    model,
                    new Covariates(covariates),
                    eta,
                    baselineIuPerDl == null ? 0 : baselineIuPerDl,
                    targetTroughIuPerDl,
                    schedules,
                    vialSizesIu,
                    pricePerIu);
        }
    }

    /**
     * One regimen to compare: {@code intervalHours} for one dose every so many hours, or {@code weeklyDoseHours} for
     * doses at those hours of each week (e.g. {@code [0, 48, 96]} for Monday, Wednesday, Friday).
     */
    record RegimenSpec(
            @Nullable @Size(max = 80) String label,
            @Nullable Double intervalHours,
            @Nullable @Size(max = 28) List<@NotNull Double> weeklyDoseHours) {

        Schedule toSchedule(int index) {
            if ((intervalHours == null) == (weeklyDoseHours == null)) {
                throw new InvalidInputException(
                        "regimens[" + index + "]", "Give either intervalHours or weeklyDoseHours for each regimen");
            }
            if (intervalHours != null) {
                Schedule every = Schedule.every(intervalHours);
                return label == null ? every : new Schedule(label, intervalHours, every.doseHours());
            }
            return new Schedule(label == null ? weeklyDoseHours.size() + "×/week" : label, 168, weeklyDoseHours);
        }
    }
}
