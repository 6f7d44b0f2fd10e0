package org.hemonet.pathway;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.centre.Centre;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.identity.PatientScope;
import org.hemonet.pathway.internal.AnnualReviewQueries;
import org.hemonet.pathway.internal.HandoverQueries;
import org.hemonet.patient.PatientRecord;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.patient.RegistrySettings;
import org.hemonet.shared.Actor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hand-over from paediatric to adult care (clinical.md §10; issue 17). A clinician or nurse of the centre the
 * record is registered at hands it over to an adult centre, from the transfer age ({@code
 * hemonet.registry.transition-transfer-from-age}, 16): the patient module moves the record's registered centre, so the
 * adult team sees the whole record and the paediatric team no longer does; the paediatric team keeps read access to
 * the hand-over (its summary letter and the record's summary now) for {@link PathwaySettings#handoverReadAccess}
 * (default 6 months), after which it is answered like an unknown id. Every read and write is audited.
 */
@Service
@Transactional
public class Handovers {

    public static final String RESOURCE = "Handover";

    private final HandoverQueries queries;
    private final AnnualReviewQueries reviews;
    private final PatientRegistry patients;
    private final AccessPolicy accessPolicy;
    private final CentreDirectory centres;
    private final AuditLog auditLog;
    private final AnnualReviews annualReviews;
    private final PathwaySettings settings;
    private final RegistrySettings registrySettings;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    Handovers(
            HandoverQueries queries,
            AnnualReviewQueries reviews,
            PatientRegistry patients,
            AccessPolicy accessPolicy,
            CentreDirectory centres,
            AuditLog auditLog,
            AnnualReviews annualReviews,
            PathwaySettings settings,
            RegistrySettings registrySettings,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.queries = queries;
        this.reviews = reviews;
        this.patients = patients;
        this.accessPolicy = accessPolicy;
        this.centres = centres;
        this.auditLog = auditLog;
        this.annualReviews = annualReviews;
        this.settings = settings;
        this.registrySettings = registrySettings;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** How long the paediatric team keeps read access after a hand-over (the setting). */
    public java.time.Period readAccess() {
        return settings.handoverReadAccess();
    }

    /** Hands the record over to {@code toCentreId} with the paediatric team's summary. */
    public Handover handOver(Actor actor, UUID patientId, @Nullable UUID toCentreId, @Nullable String summary) {
        if (!actor.hasRole("CLINICIAN") && !actor.hasRole("NURSE")) {
            if (!accessPolicy.usesPatientData(actor) || actor.hasRole("PATIENT")) {
                throw new AccessDeniedException("centre staff only");
            }
            throw new AccessDeniedException("a clinician or nurse hands the record over");
        }
        PatientRecord record = patients.read(actor, patientId);
        if (toCentreId == null) {
            throw new InvalidInputException("toCentreId", "Choose the adult centre.");
        }
        String text = AnnualReviews.text(summary, AnnualReviews.TEXT_MAX, "summary");
        if (text == null) {
            throw new InvalidInputException("summary", "Write the hand-over summary for the adult team.");
        }
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of(record.timeZone())));
        int age = java.time.Period.between(record.dateOfBirth(), today).getYears();
        // clinical.md §10: transfer between 16 and 18 (settings); an adult not yet transferred may still be handed over
        if (age < registrySettings.transitionTransferFromAge()) {
            throw new InvalidInputException(
                    "patientId",
                    "The hand-over to adult care is from age " + registrySettings.transitionTransferFromAge() + ".");
        }
        Instant now = clock.instant();
        UUID from = record.centreId();
        Centre to = centres.centre(toCentreId)
                .filter(c -> !c.id().equals(from))
                .orElseThrow(() -> new InvalidInputException(
                        "toCentreId", "Hand over to another existing centre of the network."));
        patients.transferCare(
                actor, patientId, record.version(), to.id(), "Transition to adult care: handed over to " + to.name());
        PatientRecord.Transition t = record.transition();
        Handover handover = new Handover(
                UUID.randomUUID(),
                patientId,
                from,
                to.id(),
                now,
                actor.username(),
                annualReviews.displayName(actor),
                now.atOffset(ZoneOffset.UTC).plus(settings.handoverReadAccess()).toInstant(),
                text,
                age,
                t == null ? null : t.stage().name(),
                t != null && t.knowsDiagnosisAndProduct(),
                t != null && t.selfInfuses(),
                t != null && t.ordersSupplies(),
                t != null && t.knowsEmergencyPlan());
        queries.insert(handover);
        auditLog.record(AuditEvent.by(
                actor, AuditAction.CREATE, patientId, RESOURCE, handover.id().toString(), AuditOutcome.SUCCESS));
        return handover;
    }

    /**
     * A hand-over with the record's summary now: for whoever may read the record (the adult team, the patient), and for
     * staff of the paediatric centre until its read access ends; anyone else 404, audited.
     */
    public HandoverView view(Actor actor, UUID handoverId) {
        if (!accessPolicy.usesPatientData(actor)) {
            throw new AccessDeniedException("patient-level data");
        }
        Handover h = queries.byId(handoverId).orElseThrow(() -> new NotFoundException("hand-over"));
        Optional<PatientScope> scope = patients.scopeOf(h.patientId());
        boolean reader = scope.isPresent() && accessPolicy.mayRead(actor, scope.get());
        boolean formerTeam = !reader
                && !actor.hasRole("PATIENT")
                && actor.centreIds().contains(h.fromCentreId())
                && h.readableByFormerTeamAt(clock.instant());
        if (!reader && !formerTeam) {
            ownTransaction.executeWithoutResult(status -> auditLog.record(AuditEvent.by(
                    actor, AuditAction.READ, h.patientId(), RESOURCE, handoverId.toString(), AuditOutcome.DENIED)));
            throw new NotFoundException("hand-over");
        }
        PatientSummary patient = patients.summaryOf(h.patientId()).orElseThrow(() -> new NotFoundException("patient"));
        AnnualReview last = reviews.reviewsOf(h.patientId()).stream()
                .filter(r -> !r.isOpen())
                .findFirst()
                .orElse(null);
        auditLog.record(AuditEvent.by(
                actor, AuditAction.READ, h.patientId(), RESOURCE, handoverId.toString(), AuditOutcome.SUCCESS));
        Centre to = centres.centre(h.toCentreId()).orElseThrow();
        return new HandoverView(
                h,
                patient,
                centres.centre(h.fromCentreId()).map(Centre::name).orElse("—"),
                to.name(),
                to.phone24h(),
                last,
                formerTeam);
    }

    /** One line of the centre's list of hand-overs. */
    public record Line(Handover handover, String patientName, String fromCentreName, String toCentreName) {}

    /**
     * Hand-overs from or to the actor's centres that the actor may still open, newest first (audited as one search).
     */
    public List<Line> ofMyCentres(Actor actor) {
        if (!accessPolicy.usesPatientData(actor) || actor.hasRole("PATIENT")) {
            throw new AccessDeniedException("centre staff only");
        }
        Instant now = clock.instant();
        List<Line> lines = queries.ofCentres(actor.centreIds(), 100).stream()
                .filter(h -> actor.centreIds().contains(h.toCentreId()) || h.readableByFormerTeamAt(now))
                .map(h -> new Line(
                        h,
                        patients.summaryOf(h.patientId())
                                .map(PatientSummary::fullName)
                                .orElse("—"),
                        centres.centre(h.fromCentreId()).map(Centre::name).orElse("—"),
                        centres.centre(h.toCentreId()).map(Centre::name).orElse("—")))
                .toList();
        auditLog.record(AuditEvent.by(actor, AuditAction.SEARCH, null, RESOURCE, null, AuditOutcome.SUCCESS));
        return lines;
    }
}
