package org.hemonet.genetherapy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.genetherapy.internal.GeneTherapyQueries;
import org.hemonet.lab.Analyte;
import org.hemonet.lab.LabResult;
import org.hemonet.lab.LabResultChecks;
import org.hemonet.lab.LabResults;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.shared.Actor;
import org.hemonet.shared.ConflictException;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gene therapy follow-up (issue 21): the infusion with its eligibility work-up, the follow-up schedule from the
 * product's template ({@link FollowUpSchedule}), the alerts raised by new laboratory results ({@link AlertRules}) and
 * their acknowledgement, the corticosteroid course against an ALT rise, and the centre's list of what is due, overdue
 * and alerting. Every read and write of a patient's record is audited ({@value #RESOURCE}).
 */
@Service
@Transactional
public class GeneTherapies {

    public static final String RESOURCE = "GeneTherapy";

    /** The largest plausible dose: licensed AAV doses are 2×10^13 to 6×10^13 vg/kg. */
    static final BigDecimal MAX_DOSE = new BigDecimal("1E16");

    static final BigDecimal MIN_DOSE = new BigDecimal("1E9");

    private final GeneTherapyQueries queries;
    private final GeneTherapyAccess access;
    private final PatientRegistry patients;
    private final ProductCatalogue catalogue;
    private final LabResults lab;
    private final AuditLog auditLog;
    private final Clock clock;

    GeneTherapies(
            GeneTherapyQueries queries,
            GeneTherapyAccess access,
            PatientRegistry patients,
            ProductCatalogue catalogue,
            LabResults lab,
            AuditLog auditLog,
            Clock clock) {
        this.queries = queries;
        this.access = access;
        this.patients = patients;
        this.catalogue = catalogue;
        this.lab = lab;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    // ---- the infusion --------------------------------------------------------------------------------------------

    /** Records the infusion and its work-up (centre staff; 400 naming the field; 409 when the patient has one). */
    public GeneTherapyView record(Actor actor, UUID patientId, GeneTherapyRequest r) {
        PatientSummary patient = access.write(actor, patientId, RESOURCE);
        Product product = catalogue.require(r.productId(), "productId");
        if (!product.productClass().isGeneTherapy()) {
            throw new InvalidInputException("productId", "This product is not a gene therapy.");
        }
        if (!product.productClass().expressedFactor().equals(patient.diagnosis().factor())
                || !patient.diagnosis().isHemophilia()) {
            throw new InvalidInputException(
                    "productId", "This gene therapy does not replace the factor the patient lacks.");
        }
        String batch = catalogue
                .requireBatch(product.id(), r.batchNumber(), "batchNumber")
                .batchNumber();
        LocalDate today = today(patient);
        LocalDate infusedOn = r.infusedOn();
        if (infusedOn == null) {
            throw new InvalidInputException("infusedOn", "The day of the infusion is required.");
        }
        if (infusedOn.isAfter(today) || infusedOn.isBefore(patient.dateOfBirth())) {
            throw new InvalidInputException("infusedOn", "The infusion cannot be in the future or before birth.");
        }
        BigDecimal dose = r.doseVgPerKg();
        if (dose == null || dose.compareTo(MIN_DOSE) < 0 || dose.compareTo(MAX_DOSE) > 0) {
            throw new InvalidInputException("doseVgPerKg", "The dose in vector genomes per kg, 1e9 to 1e16.");
        }
        String aav = choice(r.aavAntibodies(), null, "aavAntibodies", "NEGATIVE", "POSITIVE", "NOT_TESTED");
        BigDecimal baselineAlt = r.baselineAlt();
        if (baselineAlt == null
                || baselineAlt.signum() <= 0
                || baselineAlt.compareTo(new BigDecimal("1000")) > 0
                || baselineAlt.scale() > 2) {
            throw new InvalidInputException("baselineAlt", "The baseline ALT in U/L, above 0 and at most 1000.");
        }
        String liver = choice(r.liverHealth(), "NOT_ASSESSED", "liverHealth", "NORMAL", "ABNORMAL", "NOT_ASSESSED");
        String inhibitor =
                choice(r.inhibitorHistory(), "UNKNOWN", "inhibitorHistory", "NEVER", "PAST", "CURRENT", "UNKNOWN");
        text(r.aavTitre(), 40, "aavTitre");
        text(r.eligibilityNotes(), 2000, "eligibilityNotes");
        if (r.weightKg() != null && (r.weightKg().signum() <= 0 || r.weightKg().compareTo(new BigDecimal("400")) > 0)) {
            throw new InvalidInputException("weightKg", "The weight in kg, above 0 and at most 400.");
        }
        GeneTherapySettings template = settings(product.id());
        GeneTherapy therapy = new GeneTherapy(
                UUID.randomUUID(),
                patientId,
                product.id(),
                batch,
                infusedOn,
                dose.stripTrailingZeros(),
                r.weightKg() != null ? r.weightKg() : patient.weightKg(),
                aav,
                blankToNull(r.aavTitre()),
                baselineAlt.stripTrailingZeros(),
                liver,
                inhibitor,
                blankToNull(r.eligibilityNotes()),
                template.weeklyUntilWeek(),
                template.fortnightlyUntilWeek(),
                template.monthlyUntilWeek(),
                template.longTermIntervalWeeks(),
                actor.username(),
                Instant.now(clock),
                null);
        if (queries.activeOf(patientId).isPresent()) {
            throw new ConflictException("The patient already has a gene therapy recorded; void it to correct it.");
        }
        try {
            queries.insert(therapy);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("The patient already has a gene therapy recorded; void it to correct it.");
        }
        access.audit(actor, AuditAction.CREATE, patientId, RESOURCE, therapy.id());
        return view(therapy, patient, product);
    }

    /** One gene therapy of the patient (audited); 404 for another patient's id. */
    public GeneTherapyView get(Actor actor, UUID patientId, UUID geneTherapyId) {
        PatientSummary patient = access.read(actor, patientId, RESOURCE);
        GeneTherapy therapy = require(patientId, geneTherapyId);
        access.audit(actor, AuditAction.READ, patientId, RESOURCE, therapy.id());
        return view(therapy, patient, catalogue.find(therapy.productId()).orElseThrow());
    }

    /** The patient's valid gene therapy, if any (audited): the patient's gene therapy page. */
    public Optional<GeneTherapyView> ofPatient(Actor actor, UUID patientId) {
        PatientSummary patient = access.read(actor, patientId, RESOURCE);
        Optional<GeneTherapy> therapy = queries.activeOf(patientId);
        auditLog.record(AuditEvent.by(
                actor,
                AuditAction.READ,
                patientId,
                RESOURCE,
                therapy.map(t -> t.id().toString()).orElse(null),
                AuditOutcome.SUCCESS));
        return therapy.map(t -> view(t, patient, catalogue.find(t.productId()).orElseThrow()));
    }

    /** Voids a wrongly entered gene therapy with a reason; its alerts and courses stay with it (never deleted). */
    public void voidTherapy(Actor actor, UUID patientId, UUID geneTherapyId, @Nullable String reason) {
        access.write(actor, patientId, RESOURCE);
        GeneTherapy therapy = require(patientId, geneTherapyId);
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidInputException("reason", "Say why the record is voided (at most 500 characters).");
        }
        if (!queries.voidTherapy(therapy.id(), actor.username(), Instant.now(clock), reason.strip())) {
            throw new ConflictException("This gene therapy is already voided.");
        }
        access.audit(actor, AuditAction.VOID, patientId, RESOURCE, therapy.id());
    }

    // ---- alerts ----------------------------------------------------------------------------------------------------

    /**
     * The alerts a new result raises (called by the lab module in the result's transaction): ALT_RISE for ALT, and
     * LOSS_OF_EXPRESSION for the expressed factor's activity, from the day of the infusion on.
     */
    List<LabResultChecks.Alert> check(LabResult result) {
        Optional<GeneTherapy> found = queries.activeOf(result.patientId());
        if (found.isEmpty() || result.sampledOn().isBefore(found.get().infusedOn())) {
            return List.of();
        }
        GeneTherapy therapy = found.get();
        Product product = catalogue.find(therapy.productId()).orElseThrow();
        GeneTherapySettings settings = therapy.template(settings(product.id()));
        Analyte expressed = Analyte.activityOf(product.productClass().expressedFactor());
        Optional<AlertRules.Crossing> crossing = Optional.empty();
        String type = null;
        if (result.analyte() == Analyte.ALT) {
            List<LabResult> alt = lab.resultsOf(result.patientId(), Analyte.ALT).stream()
                    .filter(r -> !r.sampledOn().isBefore(therapy.infusedOn()))
                    .toList();
            crossing = AlertRules.altRise(result, alt, therapy.baselineAlt(), settings);
            type = GeneTherapyAlert.ALT_RISE;
        } else if (result.analyte() == expressed) {
            crossing = AlertRules.lossOfExpression(
                    result, lab.resultsOf(result.patientId(), expressed), therapy.infusedOn(), settings);
            type = GeneTherapyAlert.LOSS_OF_EXPRESSION;
        }
        if (crossing.isEmpty() || type == null) {
            return List.of();
        }
        LocalDate raisedOn =
                LocalDate.now(clock.withZone(patients.zoneOf(result.patientId()).orElse(java.time.ZoneOffset.UTC)));
        GeneTherapyAlert alert = new GeneTherapyAlert(
                UUID.randomUUID(),
                therapy.id(),
                therapy.patientId(),
                type,
                raisedOn,
                Instant.now(clock),
                result.id(),
                crossing.get().sampledOn(),
                crossing.get().value(),
                crossing.get().threshold(),
                false,
                null,
                null,
                null);
        queries.insertAlert(alert);
        return List.of(new LabResultChecks.Alert(alert.id(), type, raisedOn, false, alert.advice()));
    }

    /** Acknowledges an alert with who and when (centre staff); 409 when it was acknowledged already. */
    public GeneTherapyAlert acknowledge(
            Actor actor, UUID patientId, UUID geneTherapyId, UUID alertId, @Nullable String note) {
        access.write(actor, patientId, RESOURCE);
        GeneTherapy therapy = require(patientId, geneTherapyId);
        GeneTherapyAlert alert = queries.alert(alertId)
                .filter(a -> a.geneTherapyId().equals(therapy.id()))
                .orElseThrow(() -> new NotFoundException("alert"));
        text(note, 500, "note");
        if (!queries.acknowledge(alert.id(), actor.username(), Instant.now(clock), blankToNull(note))) {
            throw new ConflictException("This alert is already acknowledged.");
        }
        access.audit(actor, AuditAction.UPDATE, patientId, "GeneTherapyAlert", alert.id());
        return queries.alert(alertId).orElseThrow();
    }

    // ---- corticosteroid courses
    // ---------------------------------------------------------------------------------------

    /** Starts a corticosteroid course, with its planned tapering (centre staff). */
    public GeneTherapyView.CourseView startSteroids(
            Actor actor, UUID patientId, UUID geneTherapyId, SteroidCourseRequest r) {
        PatientSummary patient = access.write(actor, patientId, RESOURCE);
        GeneTherapy therapy = require(patientId, geneTherapyId);
        if (r.alertId() != null
                && queries.alert(r.alertId())
                        .filter(a -> a.geneTherapyId().equals(therapy.id())
                                && a.type().equals(GeneTherapyAlert.ALT_RISE))
                        .isEmpty()) {
            throw new InvalidInputException("alertId", "Not an ALT_RISE alert of this gene therapy.");
        }
        String drug = r.drug() == null || r.drug().isBlank()
                ? "prednisolone"
                : r.drug().strip();
        text(drug, 80, "drug");
        LocalDate started = r.startedOn();
        if (started == null
                || started.isBefore(therapy.infusedOn())
                || started.isAfter(today(patient).plusDays(7))) {
            throw new InvalidInputException(
                    "startedOn", "The course starts after the infusion and at most a week from today.");
        }
        BigDecimal dose = dose(r.doseMgPerDay(), "doseMgPerDay");
        if (dose.signum() == 0) {
            throw new InvalidInputException("doseMgPerDay", "The starting dose is more than 0 mg/day.");
        }
        List<SteroidCourse.Step> steps = new ArrayList<>(List.of(new SteroidCourse.Step(started, dose)));
        for (SteroidCourseRequest.StepRequest step :
                r.taper() == null ? List.<SteroidCourseRequest.StepRequest>of() : r.taper()) {
            steps.add(step(steps, step));
        }
        UUID id = UUID.randomUUID();
        Instant now = Instant.now(clock);
        queries.insertCourse(id, therapy.id(), patientId, r.alertId(), drug, started, actor.username(), now);
        steps.forEach(s -> queries.insertStep(id, s.from(), s.doseMgPerDay(), actor.username(), now));
        access.audit(actor, AuditAction.CREATE, patientId, "SteroidCourse", id);
        return courseView(
                queries.coursesOf(therapy.id()).stream()
                        .filter(c -> c.id().equals(id))
                        .findFirst()
                        .orElseThrow(),
                today(patient));
    }

    /** Adds a tapering step to a course (a dose of 0 ends it); steps follow one another in time. */
    public GeneTherapyView.CourseView taper(
            Actor actor, UUID patientId, UUID geneTherapyId, UUID courseId, SteroidCourseRequest.StepRequest r) {
        PatientSummary patient = access.write(actor, patientId, RESOURCE);
        GeneTherapy therapy = require(patientId, geneTherapyId);
        SteroidCourse course = queries.coursesOf(therapy.id()).stream()
                .filter(c -> c.id().equals(courseId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("steroid course"));
        SteroidCourse.Step step = step(course.steps(), r);
        queries.insertStep(course.id(), step.from(), step.doseMgPerDay(), actor.username(), Instant.now(clock));
        access.audit(actor, AuditAction.UPDATE, patientId, "SteroidCourse", course.id());
        return courseView(
                queries.coursesOf(therapy.id()).stream()
                        .filter(c -> c.id().equals(courseId))
                        .findFirst()
                        .orElseThrow(),
                today(patient));
    }

    private static SteroidCourse.Step step(List<SteroidCourse.Step> before, SteroidCourseRequest.StepRequest r) {
        if (r.from() == null) {
            throw new InvalidInputException("from", "The day the dose changes is required.");
        }
        SteroidCourse.Step last = before.get(before.size() - 1);
        if (last.doseMgPerDay().signum() == 0) {
            throw new InvalidInputException("from", "The course has ended; start a new one.");
        }
        if (!r.from().isAfter(last.from())) {
            throw new InvalidInputException("from", "Each step starts after the one before.");
        }
        return new SteroidCourse.Step(r.from(), dose(r.doseMgPerDay(), "doseMgPerDay"));
    }

    private static BigDecimal dose(@Nullable BigDecimal dose, String field) {
        if (dose == null
                || dose.signum() < 0
                || dose.compareTo(new BigDecimal("1000")) > 0
                || dose.stripTrailingZeros().scale() > 1) {
            throw new InvalidInputException(field, "The dose in mg/day, 0 to 1000, one decimal.");
        }
        return dose.stripTrailingZeros();
    }

    // ---- the centre's list ------------------------------------------------------------------------------------------

    /** A row of the centre's list: a patient after gene therapy with what is due and alerting. */
    public record CentreRow(
            PatientSummary patient,
            UUID geneTherapyId,
            String productName,
            LocalDate infusedOn,
            FollowUpSchedule.@Nullable Visit next,
            int overdue,
            int missed,
            List<GeneTherapyAlert> openAlerts) {}

    /**
     * The gene therapy patients of the actor's centres, those with open alerts or overdue visits first, then by next
     * due date (centre staff; audited once, as a list view).
     */
    public List<CentreRow> centreList(Actor actor) {
        access.requireCentreStaff(actor);
        Map<UUID, PatientSummary> byId = patients.search(actor, null, null).stream()
                .collect(Collectors.toMap(PatientSummary::id, p -> p, (a, b) -> a));
        List<GeneTherapy> therapies = queries.activeOf(byId.keySet());
        if (therapies.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<GeneTherapyAlert>> alerts =
                queries.alertsOf(therapies.stream().map(GeneTherapy::id).toList()).stream()
                        .filter(a -> !a.acknowledged())
                        .collect(Collectors.groupingBy(GeneTherapyAlert::geneTherapyId));
        Map<UUID, Map<Analyte, List<LocalDate>>> sampled = new HashMap<>();
        lab.resultsOf(byId.keySet(), Set.of(Analyte.ALT, Analyte.FVIII_ACTIVITY, Analyte.FIX_ACTIVITY))
                .forEach(r -> sampled.computeIfAbsent(r.patientId(), k -> new HashMap<>())
                        .computeIfAbsent(r.analyte(), k -> new ArrayList<>())
                        .add(r.sampledOn()));
        List<CentreRow> rows = new ArrayList<>();
        for (GeneTherapy t : therapies) {
            PatientSummary patient = byId.get(t.patientId());
            Product product = catalogue.find(t.productId()).orElseThrow();
            LocalDate today = today(patient);
            List<FollowUpSchedule.Visit> visits = FollowUpSchedule.visits(
                    t.infusedOn(),
                    t.template(settings(product.id())),
                    analytesOf(product),
                    sampled.getOrDefault(t.patientId(), Map.of()),
                    today,
                    today.plusYears(1));
            rows.add(new CentreRow(
                    patient,
                    t.id(),
                    product.brandName(),
                    t.infusedOn(),
                    FollowUpSchedule.next(visits).orElse(null),
                    count(visits, FollowUpSchedule.Status.OVERDUE),
                    count(visits, FollowUpSchedule.Status.MISSED),
                    alerts.getOrDefault(t.id(), List.of())));
        }
        rows.sort(Comparator.comparing((CentreRow r) -> r.openAlerts().isEmpty() && r.overdue() == 0)
                .thenComparing(r -> r.next() == null ? LocalDate.MAX : r.next().due())
                .thenComparing(r -> r.patient().familyName()));
        auditLog.record(AuditEvent.by(actor, AuditAction.SEARCH, null, RESOURCE, null, AuditOutcome.SUCCESS));
        return rows;
    }

    // ---- product settings
    // ---------------------------------------------------------------------------------------------

    /** The product's follow-up template and thresholds, or the defaults. */
    @Transactional(readOnly = true)
    public GeneTherapySettings settings(UUID productId) {
        return queries.settings(productId).orElse(GeneTherapySettings.DEFAULT);
    }

    /** Sets a gene therapy product's template and thresholds (clinicians); new infusions take the new template. */
    public GeneTherapySettings saveSettings(Actor actor, UUID productId, GeneTherapySettings settings) {
        access.requireCentreStaff(actor);
        if (!org.hemonet.identity.Role.CLINICIAN.name().equals(actor.role())) {
            throw new org.springframework.security.access.AccessDeniedException("clinicians set follow-up templates");
        }
        Product product = catalogue.require(productId, "productId");
        if (!product.productClass().isGeneTherapy()) {
            throw new InvalidInputException("productId", "This product is not a gene therapy.");
        }
        if (settings == null) {
            throw new InvalidInputException(null, "The settings are required.");
        }
        queries.saveSettings(productId, settings.validated(), actor.username(), Instant.now(clock));
        return settings(productId);
    }

    // ---- views ------------------------------------------------------------------------------------------------------

    /** The gene therapy record, for modules that checked access themselves (registry export, outcomes). */
    Optional<GeneTherapy> activeOf(UUID patientId) {
        return queries.activeOf(patientId);
    }

    GeneTherapy require(UUID patientId, UUID geneTherapyId) {
        return queries.find(geneTherapyId)
                .filter(t -> t.patientId().equals(patientId) && t.voidedAt() == null)
                .orElseThrow(() -> new NotFoundException("gene therapy"));
    }

    static List<Analyte> analytesOf(Product product) {
        return List.of(Analyte.activityOf(product.productClass().expressedFactor()), Analyte.ALT);
    }

    GeneTherapyView view(GeneTherapy t, PatientSummary patient, Product product) {
        LocalDate today = today(patient);
        GeneTherapySettings settings = t.template(settings(product.id()));
        Analyte expressed = Analyte.activityOf(product.productClass().expressedFactor());
        List<LabResult> activity = lab.resultsOf(t.patientId(), expressed).stream()
                .filter(r -> !r.sampledOn().isBefore(t.infusedOn()))
                .toList();
        List<LabResult> alt = lab.resultsOf(t.patientId(), Analyte.ALT).stream()
                .filter(r -> !r.sampledOn().isBefore(t.infusedOn()))
                .toList();
        Map<Analyte, List<LocalDate>> sampled = Map.of(
                expressed,
                activity.stream().map(LabResult::sampledOn).toList(),
                Analyte.ALT,
                alt.stream().map(LabResult::sampledOn).toList());
        LocalDate horizon = t.infusedOn().plusYears(2).isAfter(today.plusYears(1))
                ? t.infusedOn().plusYears(2)
                : today.plusYears(1);
        List<FollowUpSchedule.Visit> visits =
                FollowUpSchedule.visits(t.infusedOn(), settings, analytesOf(product), sampled, today, horizon);
        List<String> concerns = new ArrayList<>();
        if (t.aavAntibodies().equals("POSITIVE")) {
            concerns.add("AAV_ANTIBODIES_POSITIVE");
        }
        if (t.liverHealth().equals("ABNORMAL")) {
            concerns.add("LIVER_ABNORMAL");
        }
        if (t.inhibitorHistory().equals("CURRENT")) {
            concerns.add("CURRENT_INHIBITOR");
        }
        return new GeneTherapyView(
                t.id(),
                t.patientId(),
                new GeneTherapyView.ProductRef(
                        product.id(),
                        product.brandName(),
                        product.genericName(),
                        product.productClass().name(),
                        product.productClass().expressedFactor()),
                t.batchNumber(),
                t.infusedOn(),
                t.doseVgPerKg(),
                t.weightKg(),
                t.aavAntibodies(),
                t.aavTitre(),
                t.baselineAlt(),
                t.liverHealth(),
                t.inhibitorHistory(),
                t.eligibilityNotes(),
                concerns,
                settings,
                visits,
                FollowUpSchedule.next(visits).map(FollowUpSchedule.Visit::due).orElse(null),
                count(visits, FollowUpSchedule.Status.OVERDUE),
                count(visits, FollowUpSchedule.Status.MISSED),
                activity.stream()
                        .map(r -> new GeneTherapyView.ExpressionPoint(
                                r.id(), r.sampledOn(), weeks(t, r), r.method(), r.canonicalValue()))
                        .toList(),
                alt.stream()
                        .map(r -> new GeneTherapyView.AltPoint(
                                r.id(),
                                r.sampledOn(),
                                weeks(t, r),
                                r.canonicalValue(),
                                r.referenceHigh(),
                                r.canonicalValue().divide(t.baselineAlt(), 2, RoundingMode.HALF_UP),
                                AlertRules.raised(r, t.baselineAlt(), settings)))
                        .toList(),
                queries.alertsOf(List.of(t.id())),
                queries.coursesOf(t.id()).stream()
                        .map(c -> courseView(c, today))
                        .toList(),
                t.recordedBy());
    }

    static GeneTherapyView.CourseView courseView(SteroidCourse c, LocalDate today) {
        return new GeneTherapyView.CourseView(
                c.id(),
                c.alertId(),
                c.drug(),
                c.startedOn(),
                c.steps(),
                c.statusOn(today),
                c.doseOn(today),
                c.endedOn());
    }

    private static long weeks(GeneTherapy t, LabResult r) {
        return ChronoUnit.WEEKS.between(t.infusedOn(), r.sampledOn());
    }

    private static int count(List<FollowUpSchedule.Visit> visits, FollowUpSchedule.Status status) {
        return (int) visits.stream().filter(v -> v.status() == status).count();
    }

    private LocalDate today(PatientSummary patient) {
        return LocalDate.now(clock.withZone(patient.timeZone()));
    }

    private static String choice(@Nullable String value, @Nullable String fallback, String field, String... allowed) {
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                throw new InvalidInputException(field, "Required: one of " + String.join(", ", allowed) + ".");
            }
            return fallback;
        }
        String upper = value.strip().toUpperCase(Locale.ROOT);
        if (!List.of(allowed).contains(upper)) {
            throw new InvalidInputException(field, "One of " + String.join(", ", allowed) + ".");
        }
        return upper;
    }

    private static void text(@Nullable String value, int max, String field) {
        if (value != null && value.strip().length() > max) {
            throw new InvalidInputException(field, "At most " + max + " characters.");
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
