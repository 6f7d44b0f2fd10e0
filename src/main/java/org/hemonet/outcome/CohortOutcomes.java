package org.hemonet.outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.hemonet.diary.BleedDiary;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.patient.Severity;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.supply.Regimen;
import org.hemonet.supply.TreatmentPlan;
import org.hemonet.supply.TreatmentPlans;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cohort outcomes of a centre (issue 6): each patient's ABR computed by {@link OutcomeEngine} exactly as for one
 * patient, then summarised by severity and by regimen. The database is read in a fixed number of queries whatever the
 * size of the centre: patients (2), bleeds (1), infusions (1), first diary entries (1), treatment plans (1).
 *
 * <p>Entries are read from 7 days before the period: an episode that began before the period is then seen to begin
 * there and is not counted again inside it (the 72-hour rule cannot chain across a gap longer than 72 hours, so any
 * chain crossing the start has an event in those days).
 *
 * <p>This class gives raw figures and checks no access: the caller decides who may see them, and applies disclosure
 * control for anyone outside the centre's team (clinical.md §8; the rule lives in the report module).
 */
@Service
public class CohortOutcomes {

    static final Duration LOOK_BACK = Duration.ofDays(7);
    static final String UNKNOWN = "UNKNOWN";

    private final PatientRegistry patients;
    private final BleedDiary diary;
    private final TreatmentPlans plans;
    private final Clock clock;

    private final java.time.ZoneId networkZone;

    CohortOutcomes(
            PatientRegistry patients,
            BleedDiary diary,
            TreatmentPlans plans,
            Clock clock,
            org.hemonet.centre.NetworkSettings network) {
        this.networkZone = network.timeZone();
        this.patients = patients;
        this.diary = diary;
        this.plans = plans;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CentreCohort of(UUID centreId, LocalDate from, LocalDate to) {
        Measured m = measure(from, to, p -> p.centreId().equals(centreId));
        return cohort(centreId, from, to, m.patients(), m.abrs());
    }

    /**
     * The cohorts of every centre and of the whole network over the patients of {@code cohort} (a cohort filter:
     * diagnosis, severity, …; issue 18) from each patient's figures computed before ({@link #bleedsOf},
     * {@link #regimens}), with no database read — so that the centres compared compute each patient once per year
     * whatever the filters (issue 18, speed).
     *
     * @return the network's cohort ({@code centreId} null) and one per centre that has a patient in the cohort
     *
     * @param bleeds the figures of the patients with diary time in the period (the others are left out, §4)
     * @param regimens each patient's regimen group as the cohorts count it for the period
     */
    public static NetworkCohorts summarise(
            LocalDate from,
            LocalDate to,
            List<PatientSummary> cohort,
            Map<UUID, PatientBleeds> bleeds,
            Map<UUID, CohortRegimen> regimens) {
        List<PatientAbr> abrs = new ArrayList<>();
        for (PatientSummary p : cohort) {
            PatientBleeds b = bleeds.get(p.id());
            if (b != null) {
                abrs.add(abr(p, regimens.getOrDefault(p.id(), CohortRegimen.NO_PLAN), b));
            }
        }
        return summarise(from, to, cohort, abrs);
    }

    private static NetworkCohorts summarise(
            LocalDate from, LocalDate to, List<PatientSummary> cohort, List<PatientAbr> abrs) {
        Map<UUID, List<PatientSummary>> patientsByCentre = new LinkedHashMap<>();
        cohort.forEach(p -> patientsByCentre
                .computeIfAbsent(p.centreId(), k -> new ArrayList<>())
                .add(p));
        Map<UUID, List<PatientAbr>> abrsByCentre = new java.util.HashMap<>();
        abrs.forEach(a -> abrsByCentre
                .computeIfAbsent(a.centreId(), k -> new ArrayList<>())
                .add(a));
        Map<UUID, CentreCohort> centres = new LinkedHashMap<>();
        patientsByCentre.forEach((centre, list) ->
                centres.put(centre, cohort(centre, from, to, list, abrsByCentre.getOrDefault(centre, List.of()))));
        return new NetworkCohorts(cohort(null, from, to, cohort, abrs), centres);
    }

    /** The network's cohort and each centre's, for {@link #summarise}. */
    public record NetworkCohorts(CentreCohort network, Map<UUID, CentreCohort> centres) {}

    /**
     * One patient's bleeding in a period as the cohorts count it (clinical.md §4), whatever the cohort: the ABR, the
     * bleed episodes behind it (none: a zero-bleed patient) and the AJBR.
     */
    public record PatientBleeds(BigDecimal abr, int episodes, @Nullable BigDecimal ajbr) {}

    private record Measured(List<PatientSummary> patients, List<PatientAbr> abrs) {}

    private Measured measure(LocalDate from, LocalDate to, Predicate<PatientSummary> include) {
        List<PatientSummary> cohort =
                patients.allForAggregates().stream().filter(include).toList();
        Map<UUID, PatientBleeds> bleeds = bleedsOf(cohort, from, to);
        Map<UUID, CohortRegimen> regimens = regimens(bleeds.keySet(), to);
        List<PatientAbr> abrs = new ArrayList<>();
        for (PatientSummary p : cohort) {
            PatientBleeds b = bleeds.get(p.id());
            if (b != null) {
                abrs.add(abr(p, regimens.get(p.id()), b));
            }
        }
        return new Measured(cohort, abrs);
    }

    private static PatientAbr abr(PatientSummary p, CohortRegimen regimen, PatientBleeds b) {
        return new PatientAbr(
                p.id(),
                p.centreId(),
                p.severity() == null ? UNKNOWN : p.severity().name(),
                regimen.name(),
                b.abr(),
                b.episodes(),
                b.ajbr());
    }

    /**
     * Each patient's bleeding in [from, to] computed by {@link OutcomeEngine} exactly as for one patient, for the
     * patients of {@code cohort} with diary time in the period (the others are absent: no diary is not zero bleeds,
     * clinical.md §4). Reads the diaries 250 patients at a time, each piece in a fixed number of queries.
     */
    @Transactional(readOnly = true)
    public Map<UUID, PatientBleeds> bleedsOf(List<PatientSummary> cohort, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "The end of the period is before its start.");
        }
        if (from.isBefore(to.minusYears(100))) {
            throw new InvalidInputException("from", "The period is at most 100 years.");
        }
        // read a day more on each side: each patient's days are counted in the patient's own time zone
        Instant start =
                from.atStartOfDay(ZoneOffset.UTC).toInstant().minus(LOOK_BACK).minus(Duration.ofDays(1));
        Instant end = to.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<UUID, PatientBleeds> bleeds = new java.util.HashMap<>();
        // a piece of the cohort at a time: a national cohort's diaries at once would not fit the heap (Chunks)
        for (List<PatientSummary> piece : org.hemonet.shared.Chunks.of(cohort, org.hemonet.shared.Chunks.PATIENTS)) {
            List<UUID> pieceIds = piece.stream().map(PatientSummary::id).toList();
            org.hemonet.diary.CohortEntries entries = diary.entriesOfPatients(pieceIds, start, end);
            for (PatientSummary p : piece) {
                Instant first = entries.firstEntry().get(p.id());
                if (first == null) {
                    continue;
                }
                OutcomeReport report = OutcomeEngine.compute(new OutcomeEngine.Input(
                        p.timeZone(),
                        from,
                        to,
                        LocalDate.now(clock.withZone(p.timeZone())),
                        OutcomeEngine.date(first, p.timeZone()),
                        entries.bleedsOf(p.id()),
                        entries.infusionsOf(p.id()),
                        List.of(),
                        List.of(),
                        new TreeMap<>()));
                if (report.observationDays() == null || report.abr() == null) {
                    continue; // no diary time in the period: not zero bleeds (clinical.md §4)
                }
                Integer episodes = report.bleedEpisodes().total();
                bleeds.put(p.id(), new PatientBleeds(report.abr(), episodes == null ? 0 : episodes, report.ajbr()));
            }
        }
        return bleeds;
    }

    private static CentreCohort cohort(
            @Nullable UUID centreId, LocalDate from, LocalDate to, List<PatientSummary> cohort, List<PatientAbr> abrs) {
        return new CentreCohort(
                centreId,
                from,
                to,
                cohort.size(),
                cohort.size() - abrs.size(),
                abrs.size(),
                distribution(abrs),
                groups(abrs, PatientAbr::severity, severityOrder()),
                groups(
                        abrs,
                        PatientAbr::regimen,
                        Arrays.stream(CohortRegimen.values()).map(Enum::name).toList()));
    }

    /** One included patient's figures. */
    record PatientAbr(
            UUID patientId,
            UUID centreId,
            String severity,
            String regimen,
            BigDecimal abr,
            int episodes,
            @Nullable BigDecimal ajbr) {}

    /**
     * Each patient's regimen group as the cohorts count it for a period ending on {@code to}: from the treatment plan
     * that applies on {@code to}, or today when {@code to} is later (a cohort filter, issue 18).
     */
    @Transactional(readOnly = true)
    public Map<UUID, CohortRegimen> regimens(java.util.Collection<UUID> patientIds, LocalDate to) {
        LocalDate networkToday = LocalDate.now(clock.withZone(networkZone));
        Map<UUID, TreatmentPlan> planOf = plans.plansAsOf(patientIds, to.isBefore(networkToday) ? to : networkToday);
        Map<UUID, CohortRegimen> regimens = new java.util.HashMap<>();
        patientIds.forEach(id -> regimens.put(id, regimen(planOf.get(id))));
        return regimens;
    }

    static CohortRegimen regimen(@Nullable TreatmentPlan plan) {
        if (plan == null) {
            return CohortRegimen.NO_PLAN;
        }
        if (plan.isNonFactor()) {
            return CohortRegimen.NON_FACTOR;
        }
        return plan.regimen() == Regimen.PROPHYLAXIS ? CohortRegimen.PROPHYLAXIS : CohortRegimen.ON_DEMAND;
    }

    private static List<String> severityOrder() {
        List<String> order =
                new ArrayList<>(Arrays.stream(Severity.values()).map(Enum::name).toList());
        order.add(UNKNOWN);
        return order;
    }

    private static List<CentreCohort.Group> groups(
            List<PatientAbr> abrs, java.util.function.Function<PatientAbr, String> key, List<String> order) {
        Map<String, List<PatientAbr>> byKey = new LinkedHashMap<>();
        for (String k : order) {
            byKey.put(k, new ArrayList<>());
        }
        for (PatientAbr a : abrs) {
            byKey.computeIfAbsent(key.apply(a), k -> new ArrayList<>()).add(a);
        }
        List<CentreCohort.Group> groups = new ArrayList<>();
        byKey.forEach((k, list) -> {
            if (!list.isEmpty()) {
                groups.add(new CentreCohort.Group(k, distribution(list)));
            }
        });
        return groups;
    }

    static CentreCohort.Distribution distribution(List<PatientAbr> abrs) {
        int n = abrs.size();
        if (n == 0) {
            return new CentreCohort.Distribution(0, null, null, null, null, 0, null);
        }
        double[] sorted =
                abrs.stream().mapToDouble(a -> a.abr().doubleValue()).sorted().toArray();
        BigDecimal sum = abrs.stream().map(PatientAbr::abr).reduce(BigDecimal.ZERO, BigDecimal::add);
        int zero = (int) abrs.stream().filter(a -> a.episodes() == 0).count();
        return new CentreCohort.Distribution(
                n,
                quantile(sorted, 0.5),
                quantile(sorted, 0.25),
                quantile(sorted, 0.75),
                sum.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP),
                zero,
                BigDecimal.valueOf(zero * 100L).divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP));
    }

    /** Hyndman–Fan type 7: h = (n − 1) p, linear between the order statistics around h. */
    static BigDecimal quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double value = sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
