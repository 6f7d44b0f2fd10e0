package org.hemonet.trial;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.identity.PatientScope;
import org.hemonet.identity.Role;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSearch;
import org.hemonet.patient.PatientSummary;
import org.hemonet.patient.PreviouslyUntreatedPatients;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.product.ProductClass;
import org.hemonet.shared.Actor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.hemonet.shared.StaleVersionException;
import org.hemonet.supply.TreatmentPlan;
import org.hemonet.supply.TreatmentPlans;
import org.hemonet.trial.internal.TrialQueries;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clinical trials of a centre (issue 17). Clinicians of the centre enter and close trials; its staff see them, their
 * eligible patients and the approaches; another centre's trial is 404 as unknown. Patients and parents record whether
 * they would like to hear about research; staff see that answer beside the eligible patients. Every write and every
 * list of eligible patients is audited.
 */
@Service
public class Trials {

    private final TrialQueries queries;
    private final PatientRegistry patients;
    private final PreviouslyUntreatedPatients pups;
    private final TreatmentPlans plans;
    private final ProductCatalogue catalogue;
    private final AccessPolicy accessPolicy;
    private final AuditLog auditLog;
    private final Clock clock;

    Trials(
            TrialQueries queries,
            PatientRegistry patients,
            PreviouslyUntreatedPatients pups,
            TreatmentPlans plans,
            ProductCatalogue catalogue,
            AccessPolicy accessPolicy,
            AuditLog auditLog,
            Clock clock) {
        this.queries = queries;
        this.patients = patients;
        this.pups = pups;
        this.plans = plans;
        this.catalogue = catalogue;
        this.accessPolicy = accessPolicy;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The trials of the staff member's centres, open ones first. */
    public List<Trial> ofMyCentres(Actor actor) {
        requireStaff(actor);
        return queries.ofCentres(actor.centreIds());
    }

    public Trial open(Actor actor, UUID trialId) {
        requireStaff(actor);
        return queries.find(trialId)
                .filter(t -> actor.centreIds().contains(t.centreId()))
                .orElseThrow(() -> new NotFoundException("trial"));
    }

    /** A clinician of the centre enters a trial: 400 naming the field for a missing title or impossible ages. */
    @Transactional
    public Trial create(Actor actor, NewTrial t) {
        requireClinician(actor);
        UUID centreId = t.centreId();
        if (centreId == null && actor.centreIds().size() == 1) {
            centreId = actor.centreIds().iterator().next();
        }
        if (centreId == null || !actor.centreIds().contains(centreId)) {
            throw new InvalidInputException("centreId", "Choose one of your centres.");
        }
        String title = text(t.title(), "title", 200, true);
        Integer min = t.minAge();
        Integer max = t.maxAge();
        if (min != null && (min < 0 || min > 120)) {
            throw new InvalidInputException("minAge", "An age is 0 to 120 years.");
        }
        if (max != null && (max < 0 || max > 120)) {
            throw new InvalidInputException("maxAge", "An age is 0 to 120 years.");
        }
        if (min != null && max != null && min > max) {
            throw new InvalidInputException("maxAge", "The oldest age is below the youngest.");
        }
        Trial trial = new Trial(
                UUID.randomUUID(),
                centreId,
                java.util.Objects.requireNonNull(title),
                text(t.registryId(), "registryId", 40, false),
                text(t.sponsor(), "sponsor", 200, false),
                text(t.summary(), "summary", 2000, false),
                new TrialCriteria(
                        t.diagnoses() == null ? Set.of() : t.diagnoses(),
                        t.severities() == null ? Set.of() : t.severities(),
                        t.inhibitor() == null ? InhibitorCriterion.ANY : t.inhibitor(),
                        min,
                        max,
                        t.priorTreatment() == null ? PriorTreatment.ANY : t.priorTreatment()),
                "OPEN",
                1,
                clock.instant(),
                actor.username(),
                null);
        queries.insert(trial);
        auditLog.record(AuditEvent.by(
                actor, AuditAction.CREATE, null, "Trial", trial.id().toString(), AuditOutcome.SUCCESS));
        return trial;
    }

    /** Closes the trial to new approaches if it is still at {@code version} (else 412). */
    @Transactional
    public Trial close(Actor actor, UUID trialId, int version) {
        requireClinician(actor);
        Trial trial = open(actor, trialId);
        if (!queries.close(trial.id(), version, clock.instant(), actor.username())) {
            throw new StaleVersionException();
        }
        auditLog.record(
                AuditEvent.by(actor, AuditAction.UPDATE, null, "Trial", trialId.toString(), AuditOutcome.SUCCESS));
        return open(actor, trialId);
    }

    /**
     * The centre's patients who meet the trial's criteria today (in the network's patients' own days), with their wish
     * about research and their approach so far. Audited as one search of the trial's candidates.
     */
    @Transactional
    public List<Candidate> candidates(Actor actor, UUID trialId) {
        Trial trial = open(actor, trialId);
        List<PatientSummary> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            PatientSearch.Page found = patients.search(
                    actor, new PatientSearch(null, null, trial.centreId(), null, null, page, PatientSearch.MAX_SIZE));
            all.addAll(found.items());
            if (all.size() >= found.total() || found.items().isEmpty()) {
                break;
            }
        }
        Set<UUID> ids = new HashSet<>();
        all.forEach(p -> ids.add(p.id()));
        Set<UUID> untreated = new HashSet<>();
        pups.registeredAt(Set.of(trial.centreId())).forEach(p -> untreated.add(p.patientId()));
        Map<UUID, ProductClass> classOf = new HashMap<>();
        for (Product p : catalogue.products()) {
            classOf.put(p.id(), p.productClass());
        }
        Map<UUID, TreatmentPlan> planOf = plans.plansAsOf(ids, LocalDate.now(clock));
        Map<UUID, Boolean> interest = queries.interests(ids);
        Map<UUID, ApproachStatus> approach = new HashMap<>();
        queries.approaches(trialId).forEach(a -> approach.put(a.patientId(), a.status()));
        List<Candidate> candidates = new ArrayList<>();
        for (PatientSummary p : all) {
            LocalDate today = LocalDate.now(clock.withZone(p.timeZone()));
            TreatmentPlan plan = planOf.get(p.id());
            boolean pup = untreated.contains(p.id());
            PriorTreatment treatment =
                    Eligibility.treatmentOf(plan, plan == null ? null : classOf.get(plan.productId()), pup);
            if (Eligibility.meets(trial.criteria(), p, today, treatment, pup)) {
                candidates.add(new Candidate(
                        p.id(),
                        p.fullName(),
                        p.ageOn(today),
                        p.diagnosis(),
                        p.severity(),
                        p.inhibitorStatus(),
                        treatment,
                        interest.get(p.id()),
                        approach.get(p.id())));
            }
        }
        candidates.sort(Comparator.comparing((Candidate c) -> !Boolean.TRUE.equals(c.interestedInResearch()))
                .thenComparing(Candidate::name));
        auditLog.record(AuditEvent.by(
                actor, AuditAction.SEARCH, null, "TrialCandidates", trialId.toString(), AuditOutcome.SUCCESS));
        return candidates;
    }

    /** Records a step of a patient's approach (asked, consented, declined, withdrawn) on a day not in the future. */
    @Transactional
    public Approach recordApproach(
            Actor actor,
            UUID trialId,
            @Nullable UUID patientId,
            @Nullable ApproachStatus status,
            @Nullable LocalDate onDate,
            @Nullable String note) {
        Trial trial = open(actor, trialId);
        if (patientId == null) {
            throw new InvalidInputException("patientId", "Choose the patient.");
        }
        PatientScope scope = patients.scopeOf(patientId)
                .filter(s -> accessPolicy.mayRead(actor, s) && s.isCaredForAt(Set.of(trial.centreId())))
                .orElseThrow(() -> new InvalidInputException("patientId", "No patient of this centre has this id."));
        if (status == null) {
            throw new InvalidInputException("status", "Choose approached, consented, declined or withdrawn.");
        }
        if (!trial.open() && (status == ApproachStatus.APPROACHED || status == ApproachStatus.CONSENTED)) {
            throw new InvalidInputException("status", "The trial is closed to new patients.");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate on = onDate == null ? today : onDate;
        if (on.isAfter(today.plusDays(1))) {
            throw new InvalidInputException("onDate", "The date cannot be in the future.");
        }
        Approach approach = new Approach(
                UUID.randomUUID(),
                trialId,
                scope.patientId(),
                status,
                on,
                text(note, "note", 1000, false),
                clock.instant(),
                actor.username());
        queries.insertApproach(approach);
        auditLog.record(AuditEvent.by(
                actor,
                AuditAction.CREATE,
                scope.patientId(),
                "TrialApproach",
                approach.id().toString(),
                AuditOutcome.SUCCESS));
        return approach;
    }

    /** The approaches to a trial, every step, oldest first. */
    public List<Approach> approaches(Actor actor, UUID trialId) {
        open(actor, trialId);
        return queries.approaches(trialId);
    }

    /** The patient's (or a parent's) answer to "would you like to hear about research that may suit you?". */
    @Transactional
    public boolean setResearchInterest(Actor actor, UUID patientId, boolean interested) {
        PatientScope scope = patients.scopeOf(patientId)
                .filter(s -> accessPolicy.mayWrite(actor, s))
                .orElseThrow(() -> new NotFoundException("patient"));
        queries.insertInterest(scope.patientId(), interested, clock.instant(), actor.username());
        auditLog.record(AuditEvent.by(
                actor, AuditAction.UPDATE, patientId, "ResearchInterest", patientId.toString(), AuditOutcome.SUCCESS));
        return interested;
    }

    /** The latest answer, {@code null} when never asked. */
    public @Nullable Boolean researchInterest(Actor actor, UUID patientId) {
        patients.scopeOf(patientId)
                .filter(s -> accessPolicy.mayRead(actor, s))
                .orElseThrow(() -> new NotFoundException("patient"));
        return queries.interests(Set.of(patientId)).get(patientId);
    }

    private static void requireStaff(Actor actor) {
        if (!isStaff(actor)) {
            throw new AccessDeniedException("Trials are for centre staff.");
        }
    }

    private static void requireClinician(Actor actor) {
        if (!Role.CLINICIAN.name().equals(actor.role())) {
            throw new AccessDeniedException("Clinicians of the centre enter and close trials.");
        }
    }

    static boolean isStaff(Actor actor) {
        try {
            return Role.of(actor.role()).isCentreStaff();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static @Nullable String text(@Nullable String value, String field, int max, boolean required) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                throw new InvalidInputException(field, "This is required.");
            }
            return null;
        }
        if (v.length() > max) {
            throw new InvalidInputException(field, "At most " + max + " characters.");
        }
        return v;
    }
}
