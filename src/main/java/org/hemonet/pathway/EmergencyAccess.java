package org.hemonet.pathway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.centre.Centre;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.centre.NetworkSettings;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.identity.PatientScope;
import org.hemonet.pathway.internal.EmergencyQueries;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.product.ProductClass;
import org.hemonet.shared.Actor;
import org.hemonet.shared.NotFoundException;
import org.hemonet.supply.BleedPlan;
import org.hemonet.supply.BleedSite;
import org.hemonet.supply.TreatmentPlan;
import org.hemonet.supply.TreatmentPlans;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The emergency card and the emergency view (issue 17). The patient, a parent or the patient's centre team make a
 * link that opens a read-only summary without signing in, for {@link EmergencySettings#validFor} (default 12 h) or
 * until revoked. The link carries 256 random bits; only their SHA-256 is stored. Every opening is an audit event on
 * the patient ("Emergency view"), so the patient and the centre see it in the access log; a link past its time or
 * revoked opens nothing and says so (410).
 */
@Service
@Transactional
public class EmergencyAccess {

    /** Where an emergency link points, followed by its secret. */
    public static final String VIEW_PATH = "/emergency/";

    /** The audit log's name for whoever opened an emergency link (no account: an A&E clinician). */
    public static final String VIEWER = "emergency-view";

    public static final String VIEWER_ROLE = "EMERGENCY_VIEW";
    static final String GRANT = "EmergencyAccess";
    static final String VIEW = "EmergencyView";
    static final String CARD = "EmergencyCard";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EmergencyQueries queries;
    private final PatientRegistry patients;
    private final AccessPolicy accessPolicy;
    private final AuditLog auditLog;
    private final TreatmentPlans plans;
    private final ProductCatalogue catalogue;
    private final CentreDirectory centres;
    private final NetworkSettings network;
    private final EmergencySettings settings;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final org.hemonet.genetherapy.AntithrombinLowering antithrombin;

    EmergencyAccess(
            EmergencyQueries queries,
            PatientRegistry patients,
            AccessPolicy accessPolicy,
            AuditLog auditLog,
            TreatmentPlans plans,
            ProductCatalogue catalogue,
            CentreDirectory centres,
            NetworkSettings network,
            EmergencySettings settings,
            Clock clock,
            PlatformTransactionManager transactions,
            org.hemonet.genetherapy.AntithrombinLowering antithrombin) {
        this.queries = queries;
        this.patients = patients;
        this.accessPolicy = accessPolicy;
        this.auditLog = auditLog;
        this.plans = plans;
        this.catalogue = catalogue;
        this.centres = centres;
        this.network = network;
        this.settings = settings;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.antithrombin = antithrombin;
    }

    /** A new emergency link for the patient, valid from now for the configured time. */
    public EmergencyGrant grant(Actor actor, UUID patientId) {
        requireAccess(actor, patientId, AuditAction.CREATE, GRANT);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expires = now.plus(settings.validFor());
        queries.insert(id, patientId, hash(token), now, actor.username(), actor.role(), expires);
        auditLog.record(
                AuditEvent.by(actor, AuditAction.CREATE, patientId, GRANT, id.toString(), AuditOutcome.SUCCESS));
        return new EmergencyGrant(id, patientId, VIEW_PATH + token, now, actor.username(), expires, null, null);
    }

    /** Revokes a link at once (the patient, a parent or the centre team); revoking twice is harmless. */
    public EmergencyGrant revoke(Actor actor, UUID grantId) {
        EmergencyGrant grant = queries.byId(grantId).orElseThrow(() -> new NotFoundException("emergency access"));
        requireAccess(actor, grant.patientId(), AuditAction.UPDATE, GRANT);
        queries.revoke(grantId, clock.instant(), actor.username());
        auditLog.record(AuditEvent.by(
                actor, AuditAction.UPDATE, grant.patientId(), GRANT, grantId.toString(), AuditOutcome.SUCCESS));
        return queries.byId(grantId).orElseThrow();
    }

    /** The patient's links, newest first (audited as a read of the card). */
    @Transactional(readOnly = true)
    public List<EmergencyGrant> grants(Actor actor, UUID patientId) {
        requireAccess(actor, patientId, AuditAction.READ, GRANT);
        return queries.ofPatient(patientId, 20);
    }

    /** The card's content for a signed-in patient, parent or centre team member (audited). */
    public EmergencySummary card(Actor actor, UUID patientId) {
        requireAccess(actor, patientId, AuditAction.READ, CARD);
        auditLog.record(AuditEvent.by(actor, AuditAction.READ, patientId, CARD, null, AuditOutcome.SUCCESS));
        return summary(patientId);
    }

    /** What an opened link shows, with the grant it was opened by; empty when the secret matches no grant. */
    public record Opened(EmergencyGrant grant, @Nullable EmergencySummary summary) {

        public boolean valid() {
            return summary != null;
        }
    }

    /**
     * Opens an emergency link without a session: the summary while the link is valid (an audited read), otherwise the
     * grant alone (expired or revoked: the caller answers 410 Gone, and the attempt is audited as denied).
     */
    public Optional<Opened> open(String token) {
        if (token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Optional<EmergencyGrant> found = queries.byTokenHash(hash(token));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        EmergencyGrant grant = found.get();
        if (!grant.opensAt(clock.instant())) {
            ownTransaction.executeWithoutResult(status -> auditLog.record(viewEvent(grant, AuditOutcome.DENIED)));
            return Optional.of(new Opened(grant, null));
        }
        auditLog.record(viewEvent(grant, AuditOutcome.SUCCESS));
        return Optional.of(new Opened(grant, summary(grant.patientId())));
    }

    private static AuditEvent viewEvent(EmergencyGrant grant, AuditOutcome outcome) {
        return new AuditEvent(
                null,
                VIEWER,
                VIEWER_ROLE,
                Set.of(),
                grant.patientId(),
                AuditAction.READ,
                VIEW,
                grant.id().toString(),
                outcome);
    }

    private EmergencySummary summary(UUID patientId) {
        PatientSummary patient = patients.summaryOf(patientId).orElseThrow(() -> new NotFoundException("patient"));
        LocalDate today = LocalDate.now(clock.withZone(patient.timeZone()));
        Optional<TreatmentPlan> plan = plans.activePlan(patientId, today);
        Product product = plan.flatMap(p -> catalogue.find(p.productId())).orElse(null);
        Product bleedProduct = plan.flatMap(p ->
                        p.bleedProductId() == null ? Optional.ofNullable(product) : catalogue.find(p.bleedProductId()))
                .orElse(null);
        int age = patient.ageOn(today);
        Centre centre = centres.centre(patient.centreId()).orElseThrow();
        return new EmergencySummary(
                patientId,
                patient.fullName(),
                patient.dateOfBirth(),
                patient.diagnosis(),
                patient.diagnosisSubtype(),
                patient.severity(),
                patient.inhibitorStatus(),
                product == null ? null : product.brandName() + " (" + product.genericName() + ")",
                bleedProduct == null || bleedProduct == product
                        ? null
                        : bleedProduct.brandName() + " (" + bleedProduct.genericName() + ")",
                plan.flatMap(p -> plans.bleedPlan(p, patient.weightKg(), age))
                        .map(EmergencyAccess::majorBleed)
                        .orElse(null),
                product != null && product.productClass() == ProductClass.EMICIZUMAB,
                centre.name(),
                centre.phone24h(),
                network.emergencyNumber(),
                antithrombin.isLowered(patientId, today));
    }

    /**
     * The first-phase dose for a life-threatening (intracranial) bleed by the WFH 2020 targets, from no factor to the
     * lower target, in whole vials, from the plan's {@link BleedPlan}; null when it has no intracranial phase.
     */
    static EmergencySummary.@Nullable MajorBleedDose majorBleed(BleedPlan plan) {
        return plan.sites().stream()
                .filter(s -> s.site() == BleedSite.INTRACRANIAL && !s.phases().isEmpty())
                .map(s -> s.phases().get(0))
                .map(p -> new EmergencySummary.MajorBleedDose(
                        p.dose(), p.vials(), p.lowIuPerDl(), p.highIuPerDl(), plan.weightKg()))
                .findFirst()
                .orElse(null);
    }

    /**
     * The patient, a parent (records the account holds) or the patient's centre team; aggregate roles get 403, anyone
     * else 404 as for an unknown patient, the refusal audited.
     */
    private void requireAccess(Actor actor, UUID patientId, AuditAction action, String resource) {
        if (!accessPolicy.usesPatientData(actor)) {
            throw new AccessDeniedException("patient-level data");
        }
        Optional<PatientScope> scope = patients.scopeOf(patientId);
        if (scope.isEmpty() || !accessPolicy.mayRead(actor, scope.get())) {
            ownTransaction.executeWithoutResult(status ->
                    auditLog.record(AuditEvent.by(actor, action, patientId, resource, null, AuditOutcome.DENIED)));
            throw new NotFoundException("patient");
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
