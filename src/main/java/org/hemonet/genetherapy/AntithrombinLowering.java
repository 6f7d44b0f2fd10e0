package org.hemonet.genetherapy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.genetherapy.internal.GeneTherapyQueries;
import org.hemonet.genetherapy.internal.GeneTherapyQueries.AtCourse;
import org.hemonet.genetherapy.internal.GeneTherapyQueries.AtRecommendation;
import org.hemonet.lab.Analyte;
import org.hemonet.lab.LabResult;
import org.hemonet.lab.LabResultChecks;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.product.ProductClass;
import org.hemonet.shared.Actor;
import org.hemonet.shared.ConflictException;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.hemonet.supply.TreatmentPlans;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Antithrombin-lowering therapy (fitusiran) dosed to an antithrombin activity target (issue 21): the course and its
 * label step, a recommendation from every antithrombin result ({@link AntithrombinRule}) for the clinician to confirm or
 * decline, and what breakthrough bleeds need while antithrombin is lowered. Audited as {@value #RESOURCE}.
 */
@Service
@Transactional
public class AntithrombinLowering {

    public static final String RESOURCE = "AntithrombinLowering";

    private final GeneTherapyQueries queries;
    private final GeneTherapyAccess access;
    private final PatientRegistry patients;
    private final ProductCatalogue catalogue;
    private final TreatmentPlans plans;
    private final AntithrombinSettings settings;
    private final Clock clock;

    AntithrombinLowering(
            GeneTherapyQueries queries,
            GeneTherapyAccess access,
            PatientRegistry patients,
            ProductCatalogue catalogue,
            TreatmentPlans plans,
            AntithrombinSettings settings,
            Clock clock) {
        this.queries = queries;
        this.access = access;
        this.patients = patients;
        this.catalogue = catalogue;
        this.plans = plans;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new course: the product, the first day and the label step (the label's start, 50 mg every 2 months). */
    public record StartRequest(@Nullable UUID productId, @Nullable LocalDate startedOn, @Nullable String step) {}

    /** A recommendation as the API shows it. */
    public record RecommendationView(
            UUID id,
            UUID labResultId,
            LocalDate sampledOn,
            java.math.BigDecimal antithrombinPercent,
            String action,
            AntithrombinStep fromStep,
            @Nullable AntithrombinStep toStep,
            @Nullable Integer toDoseMg,
            @Nullable Integer toIntervalMonths,
            String status,
            @Nullable String decidedBy,
            @Nullable Instant decidedAt) {}

    /**
     * The patient's course: its step, the target, the recommendations (newest first) and the reduced doses for
     * breakthrough bleeds ({@link #BREAKTHROUGH_DOSES}).
     */
    public record CourseView(
            UUID id,
            UUID productId,
            String productName,
            LocalDate startedOn,
            AntithrombinStep step,
            int doseMg,
            int intervalMonths,
            LocalDate stepSince,
            java.math.BigDecimal targetLowPercent,
            java.math.BigDecimal targetHighPercent,
            List<RecommendationView> recommendations,
            List<BreakthroughDose> breakthroughDoses) {}

    /** A reduced dose for a breakthrough bleed while antithrombin is lowered. */
    public record BreakthroughDose(String agent, String dose, String maximum, String repeat) {}

    /**
     * Breakthrough bleeds more than 7 days after the first dose (fitusiran label, bleed management guidance): reduce
     * the factor or bypassing dose and do not repeat sooner than stated (Qfitlia USPI 2025 section 2.5; verify).
     */
    public static final List<BreakthroughDose> BREAKTHROUGH_DOSES = List.of(
            new BreakthroughDose("FVIII", "10 IU/kg", "20 IU/kg", "24 h"),
            new BreakthroughDose("FIX (standard half-life)", "20 IU/kg", "30 IU/kg", "24 h"),
            new BreakthroughDose("FIX (extended half-life)", "20 IU/kg", "30 IU/kg", "5–7 days"),
            new BreakthroughDose("aPCC", "30 U/kg", "50 U/kg", "24 h"),
            new BreakthroughDose("rFVIIa", "≤ 45 µg/kg", "—", "2 h"));

    /** Starts a course (centre staff); 409 when one is running. */
    public CourseView start(Actor actor, UUID patientId, StartRequest r) {
        PatientSummary patient = access.write(actor, patientId, RESOURCE);
        Product product = catalogue.require(r.productId(), "productId");
        if (product.productClass() != ProductClass.ANTITHROMBIN_LOWERING) {
            throw new InvalidInputException("productId", "This product does not lower antithrombin.");
        }
        LocalDate today = LocalDate.now(clock.withZone(patient.timeZone()));
        if (r.startedOn() == null
                || r.startedOn().isAfter(today)
                || r.startedOn().isBefore(patient.dateOfBirth())) {
            throw new InvalidInputException("startedOn", "The first day, not in the future.");
        }
        AntithrombinStep step = AntithrombinStep.START;
        if (r.step() != null && !r.step().isBlank()) {
            try {
                step = AntithrombinStep.valueOf(r.step().strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("step", "One of the label steps, e.g. MG50_EVERY_2_MONTHS.");
            }
        }
        AtCourse course = new AtCourse(
                UUID.randomUUID(),
                patientId,
                product.id(),
                r.startedOn(),
                step,
                r.startedOn(),
                null,
                actor.username(),
                0);
        if (queries.activeAtCourse(patientId).isPresent()) {
            throw new ConflictException("A course is already running.");
        }
        try {
            queries.insertAtCourse(course, Instant.now(clock));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("A course is already running.");
        }
        access.audit(actor, AuditAction.CREATE, patientId, RESOURCE, course.id());
        return view(course, product);
    }

    /** The running course, if any (audited). */
    public Optional<CourseView> course(Actor actor, UUID patientId) {
        access.read(actor, patientId, RESOURCE);
        Optional<AtCourse> course = queries.activeAtCourse(patientId);
        course.ifPresentOrElse(
                c -> access.audit(actor, AuditAction.READ, patientId, RESOURCE, c.id()),
                () -> access.audit(actor, AuditAction.READ, patientId, RESOURCE, patientId));
        return course.map(c -> view(c, catalogue.find(c.productId()).orElseThrow()));
    }

    /**
     * The clinician confirms ({@code CONFIRM}: the course moves to the recommended step from today, or stops) or
     * declines ({@code DECLINE}) a pending recommendation. Clinicians only; 409 when it is no longer pending.
     */
    public CourseView decide(Actor actor, UUID patientId, UUID recommendationId, @Nullable String decision) {
        access.write(actor, patientId, RESOURCE);
        if (!"CLINICIAN".equals(actor.role())) {
            throw new AccessDeniedException("a clinician confirms dosing");
        }
        if (decision == null || !(decision.equals("CONFIRM") || decision.equals("DECLINE"))) {
            throw new InvalidInputException("decision", "CONFIRM or DECLINE.");
        }
        AtRecommendation rec = queries.recommendation(recommendationId)
                .filter(x -> x.patientId().equals(patientId))
                .orElseThrow(() -> new NotFoundException("recommendation"));
        AtCourse course = queries.activeAtCourse(patientId)
                .filter(c -> c.id().equals(rec.courseId()))
                .orElseThrow(() -> new ConflictException("The course has changed since."));
        Instant now = Instant.now(clock);
        if (!queries.decide(rec.id(), decision.equals("CONFIRM") ? "CONFIRMED" : "DECLINED", actor.username(), now)) {
            throw new ConflictException("This recommendation is no longer pending.");
        }
        if (decision.equals("CONFIRM") && !rec.action().equals("KEEP")) {
            LocalDate today =
                    LocalDate.now(clock.withZone(patients.zoneOf(patientId).orElseThrow()));
            if (!queries.changeAtCourse(course.id(), course.version(), rec.toStep(), today)) {
                throw new ConflictException("The course has changed since.");
            }
        }
        access.audit(actor, AuditAction.UPDATE, patientId, RESOURCE, rec.id());
        AtCourse now2 = queries.activeAtCourse(patientId).orElse(course);
        return view(now2, catalogue.find(now2.productId()).orElseThrow());
    }

    /** The recommendation an antithrombin result gives (called by the lab module in the result's transaction). */
    List<LabResultChecks.Recommendation> check(LabResult result) {
        if (result.analyte() != Analyte.ANTITHROMBIN) {
            return List.of();
        }
        Optional<AtCourse> found = queries.activeAtCourse(result.patientId());
        if (found.isEmpty() || result.sampledOn().isBefore(found.get().startedOn())) {
            return List.of();
        }
        AtCourse course = found.get();
        AntithrombinRule.Recommendation r = AntithrombinRule.recommend(
                result.canonicalValue(), course.step(), course.stepSince(), result.sampledOn(), settings);
        AtRecommendation stored = new AtRecommendation(
                UUID.randomUUID(),
                course.id(),
                course.patientId(),
                result.id(),
                result.sampledOn(),
                result.canonicalValue(),
                course.step(),
                r.action().name(),
                r.to(),
                "PENDING",
                Instant.now(clock),
                null,
                null);
        queries.insertRecommendation(stored);
        return List.of(
                new LabResultChecks.Recommendation(stored.id(), stored.action(), describe(r, result), stored.status()));
    }

    /**
     * Is the patient's antithrombin lowered on {@code date}: a running course here, or a valid treatment plan with an
     * antithrombin-lowering product (the emergency card says breakthrough bleeds need reduced doses). Not audited: no
     * patient data leaves beyond the yes or no the caller audits with its own read.
     */
    public boolean isLowered(UUID patientId, LocalDate date) {
        if (queries.activeAtCourse(patientId)
                .filter(c -> !c.startedOn().isAfter(date))
                .isPresent()) {
            return true;
        }
        return plans.activePlan(patientId, date)
                .flatMap(p -> catalogue.find(p.productId()))
                .map(p -> p.productClass() == ProductClass.ANTITHROMBIN_LOWERING)
                .orElse(false);
    }

    /** Pending recommendations of these patients (the centre's list). */
    @Transactional(readOnly = true)
    List<AtRecommendation> pending(java.util.Collection<UUID> patientIds) {
        return queries.pendingRecommendations(patientIds);
    }

    private String describe(AntithrombinRule.Recommendation r, LabResult result) {
        String at = "Antithrombin " + result.canonicalValue().toPlainString() + " % (target "
                + settings.targetLowPercent().toPlainString() + "–"
                + settings.targetHighPercent().toPlainString()
                + " %): ";
        if (r.action() == AntithrombinRule.Action.STOP) {
            return at + "stop (no lower step on the label).";
        }
        if (r.action() == AntithrombinRule.Action.KEEP) {
            return at + "keep " + text(r.from())
                    + switch (r.reason()) {
                        case "ABOVE_TARGET_TOO_EARLY" ->
                            "; above the target before " + settings.escalateAfterMonths()
                                    + " months on this step: measure again.";
                        case "ABOVE_TARGET_NO_STEP" -> "; above the target with no higher label step: review.";
                        default -> ".";
                    };
        }
        return at + r.action().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + text(r.from())
                + " → " + text(r.to()) + ".";
    }

    private static String text(@Nullable AntithrombinStep step) {
        if (step == null) {
            return "stop";
        }
        return step.doseMg() + " mg every "
                + (step.intervalMonths() == 1 ? "month" : step.intervalMonths() + " months");
    }

    private CourseView view(AtCourse c, Product product) {
        return new CourseView(
                c.id(),
                product.id(),
                product.brandName(),
                c.startedOn(),
                c.step(),
                c.step().doseMg(),
                c.step().intervalMonths(),
                c.stepSince(),
                settings.targetLowPercent(),
                settings.targetHighPercent(),
                queries.recommendationsOf(c.patientId()).stream()
                        .filter(r -> r.courseId().equals(c.id()))
                        .map(AntithrombinLowering::recommendationView)
                        .toList(),
                BREAKTHROUGH_DOSES);
    }

    static RecommendationView recommendationView(AtRecommendation r) {
        return new RecommendationView(
                r.id(),
                r.labResultId(),
                r.sampledOn(),
                r.antithrombinPercent(),
                r.action(),
                r.fromStep(),
                r.toStep(),
                r.toStep() == null ? null : r.toStep().doseMg(),
                r.toStep() == null ? null : r.toStep().intervalMonths(),
                r.status(),
                r.decidedBy(),
                r.decidedAt());
    }
}
