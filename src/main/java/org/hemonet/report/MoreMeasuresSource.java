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
 * Gathers the raw figures of {@link MoreMeasures} for one calendar year, per centre and for the network, from each
 * patient's outcome measures ({@link CentreMeasures}, kept by {@link PatientYears}), the HJHS and adverse-event read models ({@link BenchmarkQueries}), the diary's
 * treatment-years, the value report's costs and the survey module's aggregates.
 */
@Component
class MoreMeasuresSource {

    /** The network questionnaire whose "overall" domain is the satisfaction column. */
    static final String SATISFACTION = "hemonet-satisfaction";

    static final String OVERALL = "overall";

    private final BenchmarkQueries queries;
    private final BleedDiary diary;
    private final SurveyResults surveys;
    private final NetworkTime networkTime;
    private final ReportSnapshots snapshots;

    MoreMeasuresSource(
            BenchmarkQueries queries,
            BleedDiary diary,
            SurveyResults surveys,
            NetworkTime networkTime,
            ReportSnapshots snapshots) {
        this.snapshots = snapshots;
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
     * What a year's figures are gathered from besides each patient's outcome figures ({@link PatientYears}): the HJHS
     * and adverse-event read models, the patients treated in the year and the satisfaction questionnaire's aggregates
     * by centre. Read once per year, whatever the cohort filters (issue 18, speed).
     */
    record Year(
            int year,
            Map<UUID, BenchmarkQueries.HjhsScores> hjhs,
            Map<UUID, Long> events,
            Set<UUID> treated,
            List<CentreSurveyScores> satisfaction) {}

    /**
     * @param patients the patients whose treatment in the year counts (the registry's living records)
     */
    Year read(int year, java.util.Collection<UUID> patients) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        Instant from = first.atStartOfDay(networkTime.zone()).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(networkTime.zone()).toInstant();
        // the joint scores, adverse events and questionnaires do not move with the diary: kept apart from it
        Unsynced unsynced = snapshots.kept("further-year", NOT_DIARY, List.of(year, networkTime.zone()), () -> {
            Map<UUID, BenchmarkQueries.HjhsScores> hjhs = new HashMap<>();
            queries.hjhs(first, last).forEach(h -> hjhs.put(h.patientId(), h));
            return new Unsynced(
                    Map.copyOf(hjhs),
                    Map.copyOf(queries.adverseEvents(first, last)),
                    List.copyOf(surveys.byCentre(SATISFACTION, from, to)));
        });
        return new Year(year, unsynced.hjhs(), unsynced.events(), treated(year, patients), unsynced.satisfaction());
    }

    /** The part of a year that does not read the diary, kept apart from it. */
    private record Unsynced(
            Map<UUID, BenchmarkQueries.HjhsScores> hjhs,
            Map<UUID, Long> events,
            List<CentreSurveyScores> satisfaction) {}

    /** A year's patients treated, with the diary change counters and the zone they were read with. */
    private record Treated(java.time.ZoneId zone, Map<UUID, Long> versions, Set<UUID> patients) {}

    /** Years kept at most (the warm-up's eleven and a few more), the least recently read going first. */
    static final int TREATED_YEARS = 16;

    @SuppressWarnings("serial")
    private final Map<Integer, Treated> treated =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(TREATED_YEARS, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Integer, Treated> eldest) {
                    return size() > TREATED_YEARS;
                }
            });

    /**
     * The patients treated in the year (a living infusion in it, clinical.md §9), kept with each patient's diary change
     * counter: a refresh asks the diary again only about the patients whose counter moved since (every writer moves
     * it), not about the year's every infusion. The counters are read before the infusions, so a write meanwhile is
     * asked about next time. Kept only while the dashboards' figures are ({@link ReportSnapshots#enabled}).
     */
    Set<UUID> treated(int year, java.util.Collection<UUID> patients) {
        java.time.ZoneId zone = networkTime.zone();
        if (!snapshots.enabled()) {
            return Set.copyOf(diary.treatedIn(year, zone, patients));
        }
        Map<UUID, Long> versions = diary.changeVersions(patients);
        Treated held = treated.get(year);
        Set<UUID> now;
        if (held == null || !held.zone().equals(zone)) {
            now = diary.treatedIn(year, zone, patients);
        } else {
            List<UUID> moved = patients.stream()
                    .filter(id -> !java.util.Objects.equals(
                            versions.get(id), held.versions().get(id)))
                    .toList();
            now = new HashSet<>(held.patients());
            now.retainAll(new HashSet<>(patients));
            moved.forEach(now::remove);
            now.addAll(diary.treatedIn(year, zone, moved));
        }
        Set<UUID> result = Set.copyOf(now);
        treated.put(year, new Treated(zone, Map.copyOf(versions), result));
        return result;
    }

    /** What the year's HJHS, adverse events and satisfaction read: the outcome, safety and survey schemas. */
    static final Set<String> NOT_DIARY = Set.of("outcome", "safety", "survey");

    /**
     * @param cohort the patients of the cohort filter
     * @param measured the outcome measures of the year's patients with diary time (any superset of the cohort's)
     * @param costs the delivered cost of the year per patient with a plan or a delivery in it
     * @param unfiltered whether the cohort is every patient (satisfaction is shown only then)
     */
    Gathered gather(
            Year year,
            List<PatientSummary> cohort,
            Map<UUID, CentreMeasures.Measured> measured,
            Map<UUID, BigDecimal> costs,
            boolean unfiltered) {
        MoreMeasures.Raw network = new MoreMeasures.Raw();
        Map<UUID, MoreMeasures.Raw> centres = new HashMap<>();
        for (PatientSummary p : cohort) {
            MoreMeasures.Raw centre = centres.computeIfAbsent(p.centreId(), k -> new MoreMeasures.Raw());
            for (MoreMeasures.Raw raw : List.of(centre, network)) {
                add(raw, measured.get(p.id()), year.hjhs().get(p.id()), costs.get(p.id()));
                // one treatment-year per patient treated in the year, the events of their year beside it (§9)
                if (year.treated().contains(p.id())) {
                    raw.treatmentYears++;
                }
                raw.adverseEvents += year.events().getOrDefault(p.id(), 0L);
            }
        }
        if (unfiltered) {
            network.satisfactionAsked = true;
            for (CentreSurveyScores scores : year.satisfaction()) {
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
