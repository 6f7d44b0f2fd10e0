package org.hemonet.pathway;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hemonet.diary.BleedDiary;
import org.hemonet.diary.InfusionFacts;
import org.hemonet.diary.InfusionReason;
import org.hemonet.diary.ScheduledDoses;
import org.hemonet.outcome.JointScoreComparison;
import org.hemonet.outcome.JointScoreView;
import org.hemonet.outcome.JointScores;
import org.hemonet.outcome.OutcomeReport;
import org.hemonet.outcome.PatientOutcomes;
import org.hemonet.patient.PatientRecord;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.pk.PkRecords;
import org.hemonet.pk.StudySummary;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.shared.Actor;
import org.hemonet.supply.Delivery;
import org.hemonet.supply.DeliveryStatus;
import org.hemonet.supply.HomeStock;
import org.hemonet.supply.StockReport;
import org.hemonet.supply.TreatmentPlan;
import org.hemonet.supply.TreatmentPlans;
import org.hemonet.survey.SurveyResponse;
import org.hemonet.survey.SurveyResults;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Gathers an annual review's {@link ReviewFigures} through the other modules' public APIs, as the actor (each module
 * checks access and audits its own read). Outcomes, adherence and factor use follow clinical.md §4.
 */
@Component
class ReviewFigureSource {

    /** Years shown in the ABR trend chart, the review's year included. */
    static final int TREND_YEARS = 5;

    /**
     * A year enters the trend with at least this many days of diary: a rate from a few days (the diary began at the
     * end of the year) would read as a year without bleeds. The review's own year is always shown.
     */
    static final int TREND_MIN_DAYS = 30;

    private final PatientOutcomes outcomes;
    private final JointScores jointScores;
    private final BleedDiary diary;
    private final ScheduledDoses schedule;
    private final HomeStock homeStock;
    private final TreatmentPlans plans;
    private final ProductCatalogue catalogue;
    private final PkRecords pk;
    private final PatientRegistry patients;
    private final SurveyResults surveys;

    ReviewFigureSource(
            PatientOutcomes outcomes,
            JointScores jointScores,
            BleedDiary diary,
            ScheduledDoses schedule,
            HomeStock homeStock,
            TreatmentPlans plans,
            ProductCatalogue catalogue,
            PkRecords pk,
            PatientRegistry patients,
            SurveyResults surveys) {
        this.surveys = surveys;
        this.outcomes = outcomes;
        this.jointScores = jointScores;
        this.diary = diary;
        this.schedule = schedule;
        this.homeStock = homeStock;
        this.plans = plans;
        this.catalogue = catalogue;
        this.pk = pk;
        this.patients = patients;
    }

    /** The figures of the 12 months ending {@code to} (the patient's own day). */
    ReviewFigures collect(Actor actor, UUID patientId, ZoneId zone, LocalDate to) {
        LocalDate from = to.minusYears(1).plusDays(1);
        OutcomeReport year = outcomes.outcomes(actor, patientId, from, to);
        PatientRecord record = patients.read(actor, patientId);
        return new ReviewFigures(
                from,
                to,
                outcomesOf(year),
                adherence(patientId, zone, from, to, year),
                new ReviewFigures.FactorUse(year.factorUseIuPerKgPerYear(), year.exposureDays()),
                supply(actor, patientId, from, to),
                inhibitors(record, from, to),
                pkStudies(actor, patientId, zone, from, to),
                trend(actor, patientId, to, year),
                hjhs(actor, patientId),
                surveys(actor, patientId, zone, from, to));
    }

    /** The questionnaires submitted in the year, oldest first, with their scores (issue 16's survey module). */
    private List<ReviewFigures.SurveyLine> surveys(
            Actor actor, UUID patientId, ZoneId zone, LocalDate from, LocalDate to) {
        return surveys.answeredBetween(actor, patientId, from, to).stream()
                .filter(SurveyResponse::isSubmitted)
                .filter(r -> r.submittedAt() != null)
                .sorted(java.util.Comparator.comparing(SurveyResponse::submittedAt))
                .map(r -> new ReviewFigures.SurveyLine(
                        r.title(),
                        LocalDate.ofInstant(java.util.Objects.requireNonNull(r.submittedAt()), zone),
                        r.scores()))
                .toList();
    }

    private static ReviewFigures.Outcomes outcomesOf(OutcomeReport r) {
        return new ReviewFigures.Outcomes(
                r.observationDays(),
                r.bleedEpisodes().total(),
                r.bleedEpisodes().treated(),
                r.bleedEpisodes().joint(),
                r.abr(),
                r.ajbr(),
                r.spontaneousAbr(),
                r.jointImmobilisingBleeds(),
                r.targetJoints().stream()
                        .map(t -> new ReviewFigures.TargetJointLine(t.site().name(), t.since(), t.resolvedOn()))
                        .toList(),
                r.meanPain(),
                r.daysLostSchool(),
                r.daysLostWork());
    }

    /** Diary completeness = logged prophylactic infusions ÷ doses expected by the regimen (clinical.md §4). */
    private ReviewFigures.Adherence adherence(
            UUID patientId, ZoneId zone, LocalDate from, LocalDate to, OutcomeReport year) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        int expected = schedule.dosesBetween(patientId, start, end).size();
        int logged = 0;
        for (InfusionFacts i : diary.factsOf(patientId).infusions()) {
            if (!i.isVoided()
                    && i.reason() == InfusionReason.PROPHYLAXIS
                    && !i.administeredAt().isBefore(start)
                    && i.administeredAt().isBefore(end)) {
                logged++;
            }
        }
        BigDecimal completeness = expected == 0
                ? null
                : BigDecimal.valueOf(logged * 100L).divide(BigDecimal.valueOf(expected), 1, RoundingMode.HALF_UP);
        return new ReviewFigures.Adherence(year.prophylaxisAdherencePercent(), completeness, logged, expected);
    }

    private ReviewFigures.Supply supply(Actor actor, UUID patientId, LocalDate from, LocalDate to) {
        Optional<TreatmentPlan> plan = plans.activePlan(patientId, to);
        Product product = plan.flatMap(p -> catalogue.find(p.productId())).orElse(null);
        StockReport stock = homeStock.stock(actor, patientId);
        int deliveries = 0;
        int vials = 0;
        int failed = 0;
        for (Delivery d : homeStock.deliveriesOf(actor, patientId)) {
            if (d.scheduledFor().isBefore(from) || d.scheduledFor().isAfter(to)) {
                continue;
            }
            if (d.status() == DeliveryStatus.DELIVERED) {
                deliveries++;
                vials += d.items().stream().mapToInt(Delivery.Item::vials).sum();
            } else if (d.status() == DeliveryStatus.FAILED) {
                failed++;
            }
        }
        return new ReviewFigures.Supply(
                plan.map(p -> p.regimen().name()).orElse(null),
                product == null ? null : product.brandName() + " (" + product.genericName() + ")",
                plan.map(TreatmentPlan::dose).orElse(null),
                plan.map(p -> p.unit().name()).orElse(null),
                stock.daysOfStockLeft(),
                stock.lowStock(),
                deliveries,
                vials,
                failed);
    }

    private static ReviewFigures.Inhibitors inhibitors(PatientRecord record, LocalDate from, LocalDate to) {
        return new ReviewFigures.Inhibitors(
                record.inhibitorStatus().name(),
                record.inhibitorTests().stream()
                        .filter(t ->
                                !t.sampledOn().isBefore(from) && !t.sampledOn().isAfter(to))
                        .map(t -> new ReviewFigures.InhibitorTestLine(t.sampledOn(), t.titreBu(), t.positive()))
                        .toList());
    }

    /** PK studies are the clinician's and nurse's (the pk module's rule); other roles see none listed. */
    private List<ReviewFigures.PkStudyLine> pkStudies(
            Actor actor, UUID patientId, ZoneId zone, LocalDate from, LocalDate to) {
        if (!actor.hasRole("CLINICIAN") && !actor.hasRole("NURSE")) {
            return List.of();
        }
        List<ReviewFigures.PkStudyLine> lines = new ArrayList<>();
        for (StudySummary s : pk.studies(actor, patientId)) {
            LocalDate on = s.enteredAt().atZone(zone).toLocalDate();
            if (!s.isVoided() && !on.isBefore(from) && !on.isAfter(to)) {
                lines.add(new ReviewFigures.PkStudyLine(
                        s.enteredAt(), s.model(), s.halfLifeHours(), s.samplesUsed(), s.isSignedOff()));
            }
        }
        return lines;
    }

    /**
     * The ABR of each of the last {@link #TREND_YEARS} years with {@link #TREND_MIN_DAYS} days of diary or more, oldest
     * first.
     */
    private List<ReviewFigures.YearAbr> trend(Actor actor, UUID patientId, LocalDate to, OutcomeReport year) {
        List<ReviewFigures.YearAbr> years = new ArrayList<>();
        for (int back = TREND_YEARS - 1; back >= 0; back--) {
            LocalDate end = to.minusYears(back);
            LocalDate start = end.minusYears(1).plusDays(1);
            OutcomeReport r = back == 0 ? year : outcomes.outcomes(actor, patientId, start, end);
            if (r.abr() != null
                    && r.observationDays() != null
                    && (back == 0 || r.observationDays() >= TREND_MIN_DAYS)) {
                years.add(new ReviewFigures.YearAbr(start, end, r.abr(), r.observationDays()));
            }
        }
        return years;
    }

    /** The latest current HJHS score compared with the one before it (clinical.md §4), null without a score. */
    ReviewFigures.@Nullable Hjhs hjhs(Actor actor, UUID patientId) {
        List<JointScoreView> current = jointScores.history(actor, patientId, false);
        if (current.isEmpty()) {
            return null;
        }
        JointScoreView latest = current.get(current.size() - 1);
        JointScoreView previous = current.size() > 1 ? current.get(current.size() - 2) : null;
        List<ReviewFigures.JointLine> joints = new ArrayList<>();
        if (previous == null) {
            for (JointScoreView.Joint j : latest.joints()) {
                joints.add(new ReviewFigures.JointLine(j.joint().name(), null, j.total()));
            }
            return new ReviewFigures.Hjhs(
                    latest.assessedOn(),
                    latest.total(),
                    latest.maxPossible(),
                    latest.complete(),
                    null,
                    null,
                    null,
                    null,
                    joints);
        }
        JointScoreComparison c = jointScores.compare(actor, patientId, previous.id(), latest.id());
        for (JointScoreComparison.JointDifference j : c.joints()) {
            joints.add(new ReviewFigures.JointLine(j.joint().name(), j.totalBefore(), j.totalAfter()));
        }
        return new ReviewFigures.Hjhs(
                latest.assessedOn(),
                latest.total(),
                latest.maxPossible(),
                latest.complete(),
                previous.assessedOn(),
                previous.total(),
                c.totalDifference(),
                c.evaluableTotalDifference(),
                joints);
    }
}
