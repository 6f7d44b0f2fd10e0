package org.hemonet.pathway;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.centre.Centre;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.identity.PatientScope;
import org.hemonet.pathway.internal.AnnualReviewQueries;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSearch;
import org.hemonet.patient.PatientSummary;
import org.hemonet.shared.Actor;
import org.hemonet.shared.ConflictException;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.hemonet.shared.StaleVersionException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The yearly multidisciplinary review (issue 17). A clinician or nurse of the patient's centre opens it, pre-filled
 * with the past 12 months' {@link ReviewFigures}; each {@link Discipline} adds its part (its role only); a clinician
 * completes and signs it, after which it no longer changes. Every change needs the version read (412 otherwise) and
 * adds one; nothing is deleted. Every read and write is audited; a patient the actor may not reach is audited as denied
 * and answered like an unknown id (404). The next review is due {@link PathwaySettings#annualReviewInterval}
 * after the last completed one.
 */
@Service
@Transactional
public class AnnualReviews {

    public static final String RESOURCE = "AnnualReview";

    public static final String LETTER = "ClinicLetter";

    /** Roles that open a review and gather its figures (the PK and supply modules show them everything needed). */
    static final Set<String> OPENERS = Set.of("CLINICIAN", "NURSE");

    static final int TEXT_MAX = 4000;

    private final AnnualReviewQueries queries;
    private final ReviewFigureSource figures;
    private final PatientRegistry patients;
    private final AccessPolicy accessPolicy;
    private final AccountAdministration accounts;
    private final AuditLog auditLog;
    private final CentreDirectory centres;
    private final PathwaySettings settings;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    AnnualReviews(
            AnnualReviewQueries queries,
            ReviewFigureSource figures,
            PatientRegistry patients,
            AccessPolicy accessPolicy,
            AccountAdministration accounts,
            AuditLog auditLog,
            CentreDirectory centres,
            PathwaySettings settings,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.queries = queries;
        this.figures = figures;
        this.patients = patients;
        this.accessPolicy = accessPolicy;
        this.accounts = accounts;
        this.auditLog = auditLog;
        this.centres = centres;
        this.settings = settings;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Opens the patient's review: 409 while one is in progress; only a clinician or nurse opens one. */
    public AnnualReview open(Actor actor, UUID patientId, @Nullable String gp) {
        requireStaff(actor);
        if (!OPENERS.contains(actor.role())) {
            throw new AccessDeniedException("a clinician or nurse opens the annual review");
        }
        PatientScope scope = requireAccess(actor, patientId, AuditAction.CREATE);
        String gpText = text(gp, 500, "gp");
        Optional<UUID> inProgress = queries.openReviewOf(patientId);
        if (inProgress.isPresent()) {
            throw new ConflictException("An annual review of this patient is in progress: " + inProgress.get());
        }
        ZoneId zone = patients.zoneOf(patientId).orElseThrow(() -> new NotFoundException("patient"));
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate last = queries.lastCompleted(List.of(patientId)).get(patientId);
        LocalDate due = last == null ? today : last.plus(settings.annualReviewInterval());
        ReviewFigures opening = figures.collect(actor, patientId, zone, today);
        UUID id = UUID.randomUUID();
        queries.insertReview(
                id, patientId, scope.registeredCentreId(), due, opening, gpText, clock.instant(), actor.username());
        auditLog.record(
                AuditEvent.by(actor, AuditAction.CREATE, patientId, RESOURCE, id.toString(), AuditOutcome.SUCCESS));
        return queries.review(id).orElseThrow();
    }

    /** One review, audited. */
    public AnnualReview review(Actor actor, UUID reviewId) {
        AnnualReview review = find(actor, reviewId, AuditAction.READ);
        auditLog.record(AuditEvent.by(
                actor, AuditAction.READ, review.patientId(), RESOURCE, reviewId.toString(), AuditOutcome.SUCCESS));
        return review;
    }

    /**
     * The clinic letter's content (audited as a read of the letter): the patient and centre, the review, and the shared
     * decisions taken at it or during its year. The patient may read the letter of a completed review.
     */
    public ClinicLetter letter(Actor actor, UUID reviewId) {
        AnnualReview review = find(actor, reviewId, AuditAction.READ);
        PatientSummary patient =
                patients.summaryOf(review.patientId()).orElseThrow(() -> new NotFoundException("patient"));
        Centre centre = centres.centre(review.centreId()).orElseThrow(() -> new NotFoundException("centre"));
        LocalDate until = review.completedOn() != null
                ? review.completedOn()
                : review.figures().to();
        List<SharedDecision> decisions = queries.decisionsOf(review.patientId()).stream()
                .filter(d -> !d.isVoided())
                .filter(d -> reviewId.equals(d.reviewId())
                        || (!d.decidedOn().isBefore(review.figures().from())
                                && !d.decidedOn().isAfter(until)))
                .toList();
        auditLog.record(AuditEvent.by(
                actor, AuditAction.READ, review.patientId(), LETTER, reviewId.toString(), AuditOutcome.SUCCESS));
        return new ClinicLetter(review, patient, centre.name(), centre.phone24h(), decisions);
    }

    /** The patient's reviews, newest first, audited. */
    @Transactional
    public List<AnnualReview> reviewsOf(Actor actor, UUID patientId) {
        requireStaff(actor);
        requireAccess(actor, patientId, AuditAction.READ);
        auditLog.record(AuditEvent.by(actor, AuditAction.READ, patientId, RESOURCE, null, AuditOutcome.SUCCESS));
        return queries.reviewsOf(patientId);
    }

    /**
     * Writes the actor's discipline's part (its role only: 403 for another's), replacing an earlier one of that
     * discipline. The physiotherapy part brings the HJHS comparison up to date with the latest joint score.
     */
    public AnnualReview writePart(
            Actor actor,
            UUID reviewId,
            Discipline discipline,
            int expectedVersion,
            @Nullable String assessment,
            @Nullable String carePlan) {
        requireStaff(actor);
        if (!discipline.role().equals(actor.role())) {
            throw new AccessDeniedException("the " + discipline.jsonName() + " part is written by its own discipline");
        }
        AnnualReview review = find(actor, reviewId, AuditAction.UPDATE);
        requireOpen(review);
        String text = text(assessment, TEXT_MAX, "assessment");
        if (text == null) {
            throw new InvalidInputException("assessment", "Write the " + discipline.jsonName() + " assessment.");
        }
        String plan = text(carePlan, TEXT_MAX, "carePlan");
        if (!queries.nextVersion(reviewId, expectedVersion)) {
            throw new StaleVersionException();
        }
        if (discipline == Discipline.PHYSIOTHERAPY) {
            ReviewFigures f = review.figures();
            queries.updateFigures(
                    reviewId,
                    new ReviewFigures(
                            f.from(),
                            f.to(),
                            f.outcomes(),
                            f.adherence(),
                            f.factorUse(),
                            f.supply(),
                            f.inhibitors(),
                            f.pkStudies(),
                            f.abrTrend(),
                            figures.hjhs(actor, review.patientId()),
                            f.surveys()));
        }
        queries.insertPart(
                reviewId,
                new ReviewPart(
                        UUID.randomUUID(),
                        discipline,
                        text,
                        plan,
                        clock.instant(),
                        actor.username(),
                        displayName(actor),
                        actor.role()));
        auditLog.record(AuditEvent.by(
                actor, AuditAction.UPDATE, review.patientId(), RESOURCE, reviewId.toString(), AuditOutcome.SUCCESS));
        return queries.review(reviewId).orElseThrow();
    }

    /**
     * A clinician completes and signs the review once the haematology part is written; it is then the record of the
     * year and the next one falls due an interval after today.
     */
    public AnnualReview complete(Actor actor, UUID reviewId, int expectedVersion) {
        requireStaff(actor);
        if (!actor.hasRole("CLINICIAN")) {
            throw new AccessDeniedException("a clinician signs the annual review");
        }
        AnnualReview review = find(actor, reviewId, AuditAction.UPDATE);
        requireOpen(review);
        if (review.part(Discipline.HAEMATOLOGY) == null) {
            throw new InvalidInputException(
                    "sections.haematology", "Write the haematology part before completing the review.");
        }
        if (!queries.nextVersion(reviewId, expectedVersion)) {
            throw new StaleVersionException();
        }
        ZoneId zone = patients.zoneOf(review.patientId()).orElseThrow(() -> new NotFoundException("patient"));
        queries.complete(
                reviewId, clock.instant(), actor.username(), displayName(actor), LocalDate.now(clock.withZone(zone)));
        auditLog.record(AuditEvent.by(
                actor, AuditAction.UPDATE, review.patientId(), RESOURCE, reviewId.toString(), AuditOutcome.SUCCESS));
        return queries.review(reviewId).orElseThrow();
    }

    /**
     * When each patient of the actor's centres (or of one of them) is due, soonest first: an interval after the last
     * completed review, today for a patient with none recorded. Centre staff only.
     */
    @Transactional
    public List<ReviewDue> due(Actor actor, @Nullable UUID centreId) {
        requireStaff(actor);
        List<PatientSummary> all = patients.search(
                        actor, new PatientSearch(null, null, centreId, null, null, 0, Integer.MAX_VALUE))
                .items();
        List<ReviewDue> due = dueOf(all);
        due.sort(Comparator.comparing(ReviewDue::due).thenComparing(ReviewDue::fullName));
        return due;
    }

    /**
     * The patients among {@code patientIds} whose annual review was completed from {@code from} to {@code to}, both
     * included, for a centre's annual return (issue 15): no access check and no audit — the caller serves aggregates
     * and checks who may see them.
     */
    @Transactional(readOnly = true)
    public Set<UUID> reviewedBetween(java.util.Collection<UUID> patientIds, LocalDate from, LocalDate to) {
        return queries.completedBetween(patientIds, from, to);
    }

    /** When one patient the actor may see is due (not audited: the caller shows it beside an audited read). */
    public ReviewDue dueOf(Actor actor, UUID patientId) {
        requireStaff(actor);
        PatientSummary patient = patients.find(actor, patientId).orElseThrow(() -> new NotFoundException("patient"));
        return dueOf(List.of(patient)).get(0);
    }

    private List<ReviewDue> dueOf(List<PatientSummary> all) {
        List<UUID> ids = all.stream().map(PatientSummary::id).toList();
        Map<UUID, LocalDate> last = queries.lastCompleted(ids);
        Map<UUID, UUID> open = queries.openReviews(ids);
        List<ReviewDue> due = new ArrayList<>();
        for (PatientSummary p : all) {
            LocalDate today = LocalDate.now(clock.withZone(p.timeZone()));
            LocalDate lastOn = last.get(p.id());
            LocalDate dueOn = lastOn == null ? today : lastOn.plus(settings.annualReviewInterval());
            due.add(new ReviewDue(
                    p.id(),
                    p.fullName(),
                    p.centreId(),
                    lastOn,
                    dueOn,
                    open.get(p.id()),
                    ChronoUnit.DAYS.between(dueOn, today)));
        }
        return due;
    }

    /** The review, if the actor may reach its patient (centre staff and the patient's own account may read). */
    private AnnualReview find(Actor actor, UUID reviewId, AuditAction action) {
        if (!accessPolicy.usesPatientData(actor)) {
            throw new AccessDeniedException("patient-level data");
        }
        AnnualReview review = queries.review(reviewId).orElseThrow(() -> new NotFoundException("annual review"));
        requireAccess(actor, review.patientId(), action);
        if (actor.hasRole("PATIENT") && (action != AuditAction.READ || review.isOpen())) {
            // a patient sees their completed reviews (the letter is theirs), never a draft
            throw new NotFoundException("annual review");
        }
        return review;
    }

    private static void requireOpen(AnnualReview review) {
        if (!review.isOpen()) {
            throw new ConflictException("The annual review is completed and signed; it no longer changes.");
        }
    }

    private void requireStaff(Actor actor) {
        if (!accessPolicy.usesPatientData(actor) || actor.hasRole("PATIENT")) {
            throw new AccessDeniedException("centre staff only");
        }
    }

    PatientScope requireAccess(Actor actor, UUID patientId, AuditAction action) {
        Optional<PatientScope> scope = patients.scopeOf(patientId);
        if (scope.isEmpty() || !accessPolicy.mayWrite(actor, scope.get())) {
            ownTransaction.executeWithoutResult(status ->
                    auditLog.record(AuditEvent.by(actor, action, patientId, RESOURCE, null, AuditOutcome.DENIED)));
            throw new NotFoundException("patient");
        }
        return scope.get();
    }

    String displayName(Actor actor) {
        return accounts.displayNames(List.of(actor.accountId())).getOrDefault(actor.accountId(), actor.username());
    }

    static @Nullable String text(@Nullable String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        if (s.length() > max) {
            throw new InvalidInputException(field, "At most " + max + " characters.");
        }
        return s;
    }
}
