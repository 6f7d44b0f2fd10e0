package org.hemonet.report;

import java.util.ArrayList;
import java.util.List;
import org.hemonet.outcome.CohortRegimen;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.InhibitorStatus;
import org.hemonet.patient.Severity;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Centres compared (issue 18): {@code GET /api/v1/reports/centres?year=&diagnosis=&severity=&inhibitorStatus=} (and
 * {@code .csv}), {@code GET /api/v1/reports/funnel?year=&measure=zeroBleedProportion} and {@code GET
 * /api/v1/reports/trends?measure=abrMedian&from=2016&to=2025}, all with the same filters. Without
 * a year: the last complete calendar year. See {@link CentreComparison} for who sees what.
 */
@RestController
class CentreComparisonApi {

    private final CentreComparison comparison;
    private final CentreFunnel funnels;
    private final CentreTrends trends;
    private final CurrentActor currentActor;

    private final NetworkTime networkTime;

    CentreComparisonApi(
            CentreComparison comparison,
            CentreFunnel funnels,
            CentreTrends trends,
            CurrentActor currentActor,
            NetworkTime networkTime) {
        this.networkTime = networkTime;
        this.comparison = comparison;
        this.funnels = funnels;
        this.trends = trends;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/v1/reports/centres")
    ResponseEntity<CentreComparison.Comparison> centres(
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable DiagnosisType diagnosis,
            @RequestParam(required = false) @Nullable Severity severity,
            @RequestParam(required = false) @Nullable InhibitorStatus inhibitorStatus,
            @RequestParam(required = false) @Nullable CohortRegimen regimen,
            @RequestParam(required = false) @Nullable String ageBand) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(comparison.compare(
                        currentActor.require(),
                        yearOr(year),
                        new CentreComparison.Filter(
                                diagnosis, severity, inhibitorStatus, regimen, CentreComparison.AgeBand.of(ageBand))));
    }

    @GetMapping(path = "/api/v1/reports/centres.csv", produces = "text/csv")
    ResponseEntity<String> centresCsv(
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable DiagnosisType diagnosis,
            @RequestParam(required = false) @Nullable Severity severity,
            @RequestParam(required = false) @Nullable InhibitorStatus inhibitorStatus,
            @RequestParam(required = false) @Nullable CohortRegimen regimen,
            @RequestParam(required = false) @Nullable String ageBand) {
        CentreComparison.Comparison c = comparison.compare(
                currentActor.require(),
                yearOr(year),
                new CentreComparison.Filter(
                        diagnosis, severity, inhibitorStatus, regimen, CentreComparison.AgeBand.of(ageBand)));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(
                "centre",
                "year",
                "patients",
                "with_diary",
                "abr_median",
                "abr_q1",
                "abr_q3",
                "zero_bleed_proportion",
                "iu_per_kg_per_year_median",
                "with_diary_proportion",
                "ajbr_median",
                "ajbr_q1",
                "ajbr_q3",
                "joint_immobilising_proportion",
                "target_joint_proportion",
                "hjhs_median",
                "hjhs_change_median",
                "pain_median",
                "days_lost_per_patient_year",
                "patient_years",
                "adherence_median",
                "diary_completeness_median",
                "cost_per_patient_mean",
                "satisfaction_mean",
                "adverse_events_per_100_treatment_years",
                "treatment_years"));
        for (CentreComparison.Row r : c.items()) {
            rows.add(csvRow(r.centreName(), c.year(), r));
        }
        rows.add(csvRow("Network", c.year(), c.network()));
        return ValueReportApi.csv("centres-" + c.year() + ".csv", ValueReportApi.ValueCsv.print(rows));
    }

    private static List<String> csvRow(String name, int year, CentreComparison.Row r) {
        MoreMeasures m = r.more();
        return List.of(
                name,
                Integer.toString(year),
                r.patients(),
                r.included(),
                r.abrMedian(),
                r.abrIqr().get(0),
                r.abrIqr().get(1),
                r.zeroBleedProportion(),
                r.iuPerKgPerYearMedian(),
                r.withDiaryProportion(),
                m.ajbrMedian(),
                m.ajbrIqr().get(0),
                m.ajbrIqr().get(1),
                m.jointImmobilisingProportion(),
                m.targetJointProportion(),
                m.hjhsMedian(),
                m.hjhsChangeMedian(),
                m.painMedian(),
                m.daysLostPerPatientYear(),
                m.patientYears(),
                m.adherenceMedian(),
                m.diaryCompletenessMedian(),
                m.costPerPatientMean(),
                m.satisfactionMean(),
                m.adverseEventsPer100TreatmentYears(),
                m.treatmentYears());
    }

    @GetMapping("/api/v1/reports/funnel")
    ResponseEntity<CentreFunnel.Funnel> funnel(
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable String measure,
            @RequestParam(required = false) @Nullable DiagnosisType diagnosis,
            @RequestParam(required = false) @Nullable Severity severity,
            @RequestParam(required = false) @Nullable InhibitorStatus inhibitorStatus,
            @RequestParam(required = false) @Nullable CohortRegimen regimen,
            @RequestParam(required = false) @Nullable String ageBand) {
        Actor actor = currentActor.require();
        CentreComparison.requireAllowed(actor);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(funnels.funnel(
                        actor,
                        yearOr(year),
                        CentreFunnel.Measure.of(measure),
                        new CentreComparison.Filter(
                                diagnosis, severity, inhibitorStatus, regimen, CentreComparison.AgeBand.of(ageBand))));
    }

    @GetMapping("/api/v1/reports/trends")
    ResponseEntity<CentreTrends.Trends> trends(
            @RequestParam(required = false) @Nullable String measure,
            @RequestParam(required = false) @Nullable Integer from,
            @RequestParam(required = false) @Nullable Integer to,
            @RequestParam(required = false) @Nullable DiagnosisType diagnosis,
            @RequestParam(required = false) @Nullable Severity severity,
            @RequestParam(required = false) @Nullable InhibitorStatus inhibitorStatus,
            @RequestParam(required = false) @Nullable CohortRegimen regimen,
            @RequestParam(required = false) @Nullable String ageBand) {
        Actor actor = currentActor.require();
        CentreComparison.requireAllowed(actor);
        int last = to != null ? to : yearOr(null);
        int first = from != null ? from : last - 9;
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(trends.trends(
                        actor,
                        CentreTrends.Measure.of(measure),
                        first,
                        last,
                        new CentreComparison.Filter(
                                diagnosis, severity, inhibitorStatus, regimen, CentreComparison.AgeBand.of(ageBand))));
    }

    private int yearOr(@Nullable Integer year) {
        return year != null ? year : networkTime.lastCompleteYear();
    }
}
