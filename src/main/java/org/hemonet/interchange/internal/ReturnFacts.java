package org.hemonet.interchange.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.hemonet.centre.NetworkSettings;
import org.hemonet.diary.BleedDiary;
import org.hemonet.diary.CohortEntries;
import org.hemonet.diary.Infusion;
import org.hemonet.outcome.OutcomeEngine;
import org.hemonet.outcome.OutcomeReport;
import org.hemonet.pathway.AnnualReviews;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.safety.SafetyReturns;
import org.hemonet.supply.TreatmentPlan;
import org.hemonet.supply.TreatmentPlans;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the registry returns (issue 15, docs/returns.md) know of each patient in one calendar year, read through the
 * owning modules' APIs in a fixed number of queries: the living infusions of the year (units by product), the outcome
 * measures of the year as {@link OutcomeEngine} computes them for every other page (clinical.md §3–§4: episodes, joint
 * episodes, ABR, AJBR, target joints, days lost), the treatment plan of the year, whether an annual review was
 * completed, whether a death was reported, and the inhibitor status at the end of the year. No access check and no audit: the callers check who may see what and
 * audit the export.
 *
 * <p>The year's days are counted in each patient's own time zone, as their diary is (clinical.md §4). Diaries are read
 * from two years before the return year, so a target joint formed then is still seen (clinical.md §3).
 */
@Component
class ReturnFacts {

    /** Diary read before the year: target joints form over 6 months and resolve after 12 (clinical.md §3). */
    static final int LOOK_BACK_YEARS = 2;

    private final PatientRegistry registry;
    private final BleedDiary diary;
    private final TreatmentPlans plans;
    private final AnnualReviews reviews;
    private final SafetyReturns safety;
    private final Clock clock;
    private final ZoneId networkZone;

    ReturnFacts(
            PatientRegistry registry,
            BleedDiary diary,
            TreatmentPlans plans,
            AnnualReviews reviews,
            SafetyReturns safety,
            Clock clock,
            NetworkSettings network) {
        this.registry = registry;
        this.diary = diary;
        this.plans = plans;
        this.reviews = reviews;
        this.safety = safety;
        this.clock = clock;
        this.networkZone = network.timeZone();
    }

    /**
     * One patient's year.
     *
     * @param inhibitors the inhibitor status and history at the end of the year (Bethesda results sampled by then)
     * @param unitsByProduct units (IU, or mg for products dosed in mg) of the living infusions given in the year, by
     *     product
     * @param outcomes the outcome measures of the year; null when the patient has no diary at all
     * @param plan the treatment plan of the year: the one in force on its last day (or today, in the current year), else
     *     the latest one that started before and was still valid in the year; null when none
     * @param reviewed an annual review was completed in the year
     * @param died a death was reported (safety surveillance, reported or closed) with onset in the year
     */
    record PatientYear(
            PatientSummary patient,
            PatientRegistry.InhibitorHistory inhibitors,
            int infusions,
            Map<UUID, BigDecimal> unitsByProduct,
            @Nullable OutcomeReport outcomes,
            @Nullable TreatmentPlan plan,
            boolean reviewed,
            boolean died) {

        boolean treated() {
            return infusions > 0;
        }

        /** Diary time in the year: the patient counts towards bleed rates (no diary is not zero bleeds). */
        boolean observed() {
            return outcomes != null && outcomes.observationDays() != null;
        }

        int episodes() {
            return observed() && outcomes.bleedEpisodes().total() != null
                    ? outcomes.bleedEpisodes().total()
                    : 0;
        }

        int jointEpisodes() {
            return observed() && outcomes.bleedEpisodes().joint() != null
                    ? outcomes.bleedEpisodes().joint()
                    : 0;
        }

        /** Target joints still active at the end of the year's observation (clinical.md §3). */
        int activeTargetJoints() {
            return !observed()
                    ? 0
                    : (int) outcomes.targetJoints().stream()
                            .filter(t -> t.resolvedOn() == null)
                            .count();
        }
    }

    List<PatientYear> of(int year, List<PatientSummary> patients) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        List<UUID> ids = patients.stream().map(PatientSummary::id).toList();
        Instant readFrom = first.minusYears(LOOK_BACK_YEARS)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .minus(Duration.ofDays(1));
        Instant readTo = last.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        LocalDate networkToday = LocalDate.now(clock.withZone(networkZone));
        Map<UUID, TreatmentPlan> planOf = plans.plansAsOf(ids, last.isBefore(networkToday) ? last : networkToday);
        Set<UUID> reviewed = reviews.reviewedBetween(ids, first, last);
        Set<UUID> died = safety.deathsIn(year);
        Map<UUID, PatientRegistry.InhibitorHistory> inhibitors = registry.inhibitorHistoriesOn(patients, last);

        List<PatientYear> years = new ArrayList<>();
        // a piece of the patients at a time: a national return's diaries at once would not fit the heap (Chunks)
        for (List<PatientSummary> piece : org.hemonet.shared.Chunks.of(patients, org.hemonet.shared.Chunks.PATIENTS)) {
            CohortEntries entries = diary.entriesOfPatients(
                    piece.stream().map(PatientSummary::id).toList(), readFrom, readTo);
            for (PatientSummary p : piece) {
                years.add(patientYear(p, first, last, entries, planOf, reviewed, died, inhibitors));
            }
        }
        return years;
    }

    private PatientYear patientYear(
            PatientSummary p,
            LocalDate first,
            LocalDate last,
            CohortEntries entries,
            Map<UUID, TreatmentPlan> planOf,
            Set<UUID> reviewed,
            Set<UUID> died,
            Map<UUID, PatientRegistry.InhibitorHistory> inhibitors) {
        ZoneId zone = p.timeZone();
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
        Map<UUID, BigDecimal> units = new HashMap<>();
        int infusions = 0;
        for (Infusion i : entries.infusionsOf(p.id())) {
            if (!i.isVoided()
                    && !i.administeredAt().isBefore(from)
                    && i.administeredAt().isBefore(to)) {
                units.merge(i.productId(), i.dose(), BigDecimal::add);
                infusions++;
            }
        }
        Instant firstEntry = entries.firstEntry().get(p.id());
        OutcomeReport outcomes = firstEntry == null
                ? null
                : OutcomeEngine.compute(new OutcomeEngine.Input(
                        zone,
                        first,
                        last,
                        LocalDate.now(clock.withZone(zone)),
                        OutcomeEngine.date(firstEntry, zone),
                        entries.bleedsOf(p.id()),
                        entries.infusionsOf(p.id()),
                        List.of(),
                        List.of(),
                        new TreeMap<>()));
        TreatmentPlan plan = planOf.get(p.id());
        if (plan != null && plan.validTo() != null && plan.validTo().isBefore(first)) {
            plan = null; // ended before the year
        }
        return new PatientYear(
                p,
                inhibitors.get(p.id()),
                infusions,
                Map.copyOf(units),
                outcomes,
                plan,
                reviewed.contains(p.id()),
                died.contains(p.id()));
    }
}
