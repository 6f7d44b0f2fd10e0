package org.hemonet.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hemonet.diary.BleedDiary;
import org.hemonet.patient.PatientSummary;
import org.hemonet.survey.CentreSurveyScores;
import org.hemonet.survey.SurveyResults;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Gathers the raw figures of {@link MoreMeasures} for one calendar year, per centre and for the network, from the
 * outcome engine ({@link CentreMeasures}), the HJHS and adverse-event read models ({@link BenchmarkQueries}), the diary's
 * treatment-years, the value report's costs and the survey module's aggregates.
 */
@Component
class MoreMeasuresSource {

    /** The network questionnaire whose "overall" domain is the satisfaction column. */
    static final String SATISFACTION = "hemonet-satisfaction";

    static final String OVERALL = "overall";

    private final CentreMeasures measures;
    private final BenchmarkQueries queries;
    private final BleedDiary diary;
    private final SurveyResults surveys;
    private final NetworkTime networkTime;

    MoreMeasuresSource(
            CentreMeasures measures,
            BenchmarkQueries queries,
            BleedDiary diary,
            SurveyResults surveys,
            NetworkTime networkTime) {
        this.measures = measures;
        this.queries = queries;
        this.diary = diary;
        this.surveys = surveys;
        this.networkTime = networkTime;
    }

    /** What was gathered: the network's figures and each centre's (a centre of the cohort without any has an empty one). */
    record Gathered(MoreMeasures.Raw network, Map<UUID, MoreMeasures.Raw> centres) {

        MoreMeasures.Raw of(UUID centre) {
            return centres.getOrDefault(centre, new MoreMeasures.Raw());
        }
    }

    /**
     * @param cohort the patients of the cohort filter
     * @param costs the delivered cost of the year per patient with a plan or a delivery in it
     * @param unfiltered whether the cohort is every patient (satisfaction is shown only then)
     */
    Gathered gather(int year, List<PatientSummary> cohort, Map<UUID, BigDecimal> costs, boolean unfiltered) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        MoreMeasures.Raw network = new MoreMeasures.Raw();
        Map<UUID, MoreMeasures.Raw> centres = new HashMap<>();
        Map<UUID, CentreMeasures.Measured> measured = measures.measure(cohort, first, last);
        Map<UUID, BenchmarkQueries.HjhsScores> hjhs = new HashMap<>();
        queries.hjhs(first, last).forEach(h -> hjhs.put(h.patientId(), h));
        Map<UUID, Long> events = queries.adverseEvents(first, last);
        Set<UUID> treated = new HashSet<>();
        diary.productYears(year, year, networkTime.zone()).forEach(t -> treated.add(t.patientId()));
        for (PatientSummary p : cohort) {
            MoreMeasures.Raw centre = centres.computeIfAbsent(p.centreId(), k -> new MoreMeasures.Raw());
            for (MoreMeasures.Raw raw : List.of(centre, network)) {
                add(raw, measured.get(p.id()), hjhs.get(p.id()), costs.get(p.id()));
                // one treatment-year per patient treated in the year, the events of their year beside it (§9)
                if (treated.contains(p.id())) {
                    raw.treatmentYears++;
                }
                raw.adverseEvents += events.getOrDefault(p.id(), 0L);
            }
        }
        if (unfiltered) {
            network.satisfactionAsked = true;
            Instant from = first.atStartOfDay(networkTime.zone()).toInstant();
            Instant to = last.plusDays(1).atStartOfDay(networkTime.zone()).toInstant();
            for (CentreSurveyScores scores : surveys.byCentre(SATISFACTION, from, to)) {
                CentreSurveyScores.DomainTotal overall = scores.domains().get(OVERALL);
                MoreMeasures.Raw centre = centres.computeIfAbsent(scores.centreId(), k -> new MoreMeasures.Raw());
                centre.satisfactionAsked = true;
                if (overall != null) {
                    for (MoreMeasures.Raw raw : List.of(centre, network)) {
                        raw.satisfactionPatients += overall.patients();
                        raw.satisfactionSum = raw.satisfactionSum.add(overall.sum());
                    }
                }
            }
            centres.values().forEach(c -> c.satisfactionAsked = true);
        }
        return new Gathered(network, centres);
    }

    private static void add(
            MoreMeasures.Raw raw,
            CentreMeasures.@Nullable Measured m,
            BenchmarkQueries.@Nullable HjhsScores h,
            @Nullable BigDecimal cost) {
        if (m != null) {
            raw.withDiary++;
            raw.observationDays += m.observationDays();
            if (m.ajbr() != null) {
                raw.ajbr.add(m.ajbr().doubleValue());
            }
            if (m.jointImmobilising() > 0) {
                raw.jointImmobilisingPatients++;
            }
            if (m.targetJoint()) {
                raw.targetJointPatients++;
            }
            if (m.painMean() != null) {
                raw.pain.add(m.painMean().doubleValue());
            }
            raw.daysLost += m.daysLost();
            if (m.adherencePercent() != null) {
                raw.adherence.add(m.adherencePercent().doubleValue());
            }
            if (m.completenessPercent() != null) {
                raw.completeness.add(m.completenessPercent().doubleValue());
            }
        }
        if (h != null && h.latest() != null) {
            raw.hjhs.add(h.latest().doubleValue());
            if (h.previous() != null) {
                raw.hjhsChange.add((double) (h.latest() - h.previous()));
            }
        }
        if (cost != null) {
            raw.cost.add(cost.doubleValue());
        }
    }
}
