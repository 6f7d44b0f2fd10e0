package org.hemonet.outcome;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.identity.PatientScope;
import org.hemonet.outcome.internal.OutcomeQueries;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.shared.Actor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.hemonet.shared.StaleVersionException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * HJHS 2.1 joint scores of a patient (clinical.md §4): recorded by a physiotherapist or clinician of the patient's
 * centre, listed with totals, compared before and after surgery. Corrections keep the replaced score; nothing is
 * deleted. Every read and write is audited; a patient the actor may not reach is audited as DENIED and answered like an
 * unknown id (404); roles without patient data, and roles that do not assess joints, are refused (403).
 */
@Service
public class JointScores {

    public static final String RESOURCE = "JointScore";

    /** Who may record a score. */
    static final Set<String> ASSESSORS = Set.of("PHYSIO", "CLINICIAN");

    private final OutcomeQueries queries;
    private final PatientRegistry patients;
    private final AccessPolicy accessPolicy;
    private final AuditLog auditLog;
    private final TransactionTemplate tx;
    private final Clock clock;

    JointScores(
            OutcomeQueries queries,
            PatientRegistry patients,
            AccessPolicy accessPolicy,
            AuditLog auditLog,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.queries = queries;
        this.patients = patients;
        this.accessPolicy = accessPolicy;
        this.auditLog = auditLog;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** May the actor record scores at all (role only; the patient is checked on each call)? */
    public boolean mayAssess(Actor actor) {
        return ASSESSORS.contains(actor.role()) && accessPolicy.usesPatientData(actor);
    }

    public JointScoreView record(Actor actor, UUID patientId, JointScoreRequest request) {
        requireAssessor(actor, patientId, AuditAction.CREATE);
        JointScore score = scoreOf(actor, patientId, request, null, null);
        return tx.execute(status -> {
            queries.insertJointScore(score);
            auditLog.patientAccess(
                    AuditAction.CREATE, patientId, RESOURCE, score.id().toString(), AuditOutcome.SUCCESS);
            return JointScoreView.of(score, comparisonFor(score, queries.jointScores(patientId)));
        });
    }

    /** Replaces a current score with a corrected one; the old one stays, marked as superseded. */
    public JointScoreView correct(Actor actor, UUID patientId, UUID scoreId, JointScoreRequest request) {
        requireAssessor(actor, patientId, AuditAction.UPDATE);
        String reason = reason(request.reason(), "reason");
        JointScore score = scoreOf(actor, patientId, request, scoreId, reason);
        return tx.execute(status -> {
            JointScore earlier =
                    queries.jointScore(patientId, scoreId).orElseThrow(() -> new NotFoundException("joint score"));
            if (!earlier.isCurrent()) {
                // corrected or voided since it was read: 412, nothing changed
                throw new StaleVersionException();
            }
            queries.insertJointScore(score);
            if (!queries.supersede(scoreId, patientId, score.id(), clock.instant())) {
                throw new StaleVersionException(); // corrected or voided at the same moment; the insert rolls back
            }
            auditLog.patientAccess(AuditAction.UPDATE, patientId, RESOURCE, scoreId.toString(), AuditOutcome.SUCCESS);
            return JointScoreView.of(score, comparisonFor(score, queries.jointScores(patientId)));
        });
    }

    public JointScoreView voidScore(Actor actor, UUID patientId, UUID scoreId, @Nullable String why) {
        requireAssessor(actor, patientId, AuditAction.VOID);
        String reason = reason(why, "reason");
        return tx.execute(status -> {
            if (!queries.voidScore(scoreId, patientId, clock.instant(), actor.username(), reason)) {
                if (queries.jointScore(patientId, scoreId).isPresent()) {
                    throw new StaleVersionException(); // already corrected or voided: 412, nothing changed
                }
                throw new NotFoundException("joint score");
            }
            auditLog.patientAccess(AuditAction.VOID, patientId, RESOURCE, scoreId.toString(), AuditOutcome.SUCCESS);
            return JointScoreView.of(queries.jointScore(patientId, scoreId).orElseThrow(), null);
        });
    }

    /**
     * The patient's scores, oldest first; with {@code includeReplaced} also corrected and voided ones. Each current
     * POST_SURGERY score carries its comparison with the latest earlier current PRE_SURGERY score of the same joint.
     */
    public List<JointScoreView> history(Actor actor, UUID patientId, boolean includeReplaced) {
        requireReader(actor, patientId);
        List<JointScore> all = queries.jointScores(patientId);
        List<JointScoreView> views = new ArrayList<>();
        for (JointScore s : all) {
            if (includeReplaced || s.isCurrent()) {
                views.add(JointScoreView.of(s, s.isCurrent() ? comparisonFor(s, all) : null));
            }
        }
        auditLog.patientAccess(AuditAction.READ, patientId, RESOURCE, null, AuditOutcome.SUCCESS);
        return views;
    }

    /**
     * The patient's current scores, oldest first, for a FHIR bulk export (issue 15): no access check and no audit — the
     * export has read the patient through {@code PatientRegistry.readForExport}, which checks and audits.
     */
    public List<JointScoreView> currentForExport(UUID patientId) {
        List<JointScore> all = queries.jointScores(patientId);
        return all.stream()
                .filter(JointScore::isCurrent)
                .map(s -> JointScoreView.of(s, comparisonFor(s, all)))
                .toList();
    }

    /** Item and joint-total differences {@code after − before} of two scores of the patient. */
    public JointScoreComparison compare(Actor actor, UUID patientId, UUID beforeId, UUID afterId) {
        requireReader(actor, patientId);
        List<JointScore> all = queries.jointScores(patientId);
        JointScore before = find(all, beforeId, "before");
        JointScore after = find(all, afterId, "after");
        auditLog.patientAccess(AuditAction.READ, patientId, RESOURCE, beforeId + "," + afterId, AuditOutcome.SUCCESS);
        return JointScoreComparison.of(before, after);
    }

    private static JointScore find(List<JointScore> all, UUID id, String field) {
        return all.stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(field, "No joint score of this patient with this id."));
    }

    /** The latest current PRE_SURGERY score of the same operated joint assessed no later than a POST_SURGERY one. */
    static @Nullable JointScoreComparison comparisonFor(JointScore post, List<JointScore> all) {
        if (post.context() != ScoreContext.POST_SURGERY || post.operatedJoint() == null) {
            return null;
        }
        JointScore pre = null;
        for (JointScore s : all) {
            if (s.isCurrent()
                    && s.context() == ScoreContext.PRE_SURGERY
                    && s.operatedJoint() == post.operatedJoint()
                    && !s.assessedOn().isAfter(post.assessedOn())
                    && (pre == null || !s.assessedOn().isBefore(pre.assessedOn()))) {
                pre = s;
            }
        }
        return pre == null ? null : JointScoreComparison.of(pre, post);
    }

    private void requireAssessor(Actor actor, UUID patientId, AuditAction action) {
        if (!mayAssess(actor)) {
            throw new AccessDeniedException("only a physiotherapist or clinician records joint scores");
        }
        boolean allowed = patients.scopeOf(patientId)
                .filter(scope -> accessPolicy.mayWrite(actor, scope))
                .isPresent();
        if (!allowed) {
            auditLog.patientAccess(action, patientId, RESOURCE, null, AuditOutcome.DENIED);
            throw new NotFoundException("patient");
        }
    }

    private void requireReader(Actor actor, UUID patientId) {
        if (!accessPolicy.usesPatientData(actor)) {
            throw new AccessDeniedException("patient-level data");
        }
        java.util.Optional<PatientScope> scope = patients.scopeOf(patientId);
        if (scope.filter(s -> accessPolicy.mayRead(actor, s)).isEmpty()) {
            auditLog.patientAccess(AuditAction.READ, patientId, RESOURCE, null, AuditOutcome.DENIED);
            throw new NotFoundException("patient");
        }
    }

    private JointScore scoreOf(
            Actor actor,
            UUID patientId,
            JointScoreRequest r,
            @Nullable UUID replaces,
            @Nullable String correctionReason) {
        LocalDate today = LocalDate.now(
                clock.withZone(patients.zoneOf(patientId).orElseThrow(() -> new NotFoundException("patient"))));
        LocalDate assessedOn = r.assessedOn();
        if (assessedOn == null) {
            throw new InvalidInputException("assessedOn", "This field is required.");
        }
        if (assessedOn.isAfter(today)) {
            throw new InvalidInputException("assessedOn", "The assessment date is in the future.");
        }
        if (assessedOn.isBefore(today.minusYears(100))) {
            throw new InvalidInputException("assessedOn", "The assessment date is more than 100 years ago.");
        }
        ScoreContext context = r.context() == null || r.context().isBlank()
                ? ScoreContext.ROUTINE
                : enumOf(ScoreContext.class, r.context(), "context", "ROUTINE, PRE_SURGERY or POST_SURGERY");
        HjhsJoint operated = r.operatedJoint() == null || r.operatedJoint().isBlank()
                ? null
                : enumOf(HjhsJoint.class, r.operatedJoint(), "operatedJoint", jointNames());
        if (context != ScoreContext.ROUTINE && operated == null) {
            throw new InvalidInputException(
                    "operatedJoint", "A score before or after surgery names the operated joint.");
        }
        HjhsAssessment assessment = assessmentOf(r);
        return new JointScore(
                UUID.randomUUID(),
                patientId,
                assessedOn,
                actor.username(),
                actor.role(),
                context,
                text(r.operation(), 200, "operation"),
                operated,
                text(r.note(), 2000, "note"),
                assessment,
                replaces,
                correctionReason,
                null,
                clock.instant(),
                actor.username(),
                null,
                null,
                null);
    }

    /** Parses the items; each fault is a 400 naming the field, e.g. {@code joints.LEFT_KNEE.swelling}. */
    static HjhsAssessment assessmentOf(JointScoreRequest r) {
        Map<String, @Nullable Object> given = r.joints();
        if (given == null) {
            throw new InvalidInputException("joints", "Score all six joints (an item may be NE).");
        }
        for (String name : given.keySet()) {
            if (!isJoint(name)) {
                throw new InvalidInputException(
                        "joints." + name, "HJHS scores only these joints: " + jointNames() + ".");
            }
        }
        Map<HjhsJoint, Map<HjhsItem, @Nullable Integer>> joints = new EnumMap<>(HjhsJoint.class);
        for (HjhsJoint joint : HjhsJoint.values()) {
            String field = "joints." + joint.name();
            if (!given.containsKey(joint.name())) {
                throw new InvalidInputException(field, "Score this joint, or mark it NE (not evaluable).");
            }
            Object value = given.get(joint.name());
            Map<HjhsItem, @Nullable Integer> items = new EnumMap<>(HjhsItem.class);
            if (isNe(value)) {
                for (HjhsItem item : HjhsItem.values()) {
                    items.put(item, null);
                }
            } else if (value instanceof Map<?, ?> map) {
                for (Object key : map.keySet()) {
                    if (HjhsItem.ofJsonName(String.valueOf(key)).isEmpty()) {
                        throw new InvalidInputException(field + "." + key, "HJHS 2.1 has no such item.");
                    }
                }
                for (HjhsItem item : HjhsItem.values()) {
                    String itemField = field + "." + item.jsonName();
                    if (!map.containsKey(item.jsonName())) {
                        throw new InvalidInputException(itemField, "Give a value from 0 to " + item.max() + " or NE.");
                    }
                    items.put(item, itemValue(map.get(item.jsonName()), item.max(), itemField));
                }
            } else {
                throw new InvalidInputException(
                        field, "Give the joint's items, or NE for a joint that is not evaluable.");
            }
            joints.put(joint, items);
        }
        if (r.gait() == null) {
            throw new InvalidInputException("gait", "Give a value from 0 to " + HjhsItem.GAIT_MAX + " or NE.");
        }
        Integer gait = itemValue(r.gait(), HjhsItem.GAIT_MAX, "gait");
        return new HjhsAssessment(joints, gait);
    }

    private static @Nullable Integer itemValue(@Nullable Object value, int max, String field) {
        if (isNe(value)) {
            return null;
        }
        Integer v = null;
        if (value instanceof Integer i) {
            v = i;
        } else if (value instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            v = l.intValue();
        } else if (value instanceof Short s) {
            v = s.intValue();
        } else if (value instanceof String s && s.strip().matches("-?\\d{1,3}")) {
            v = Integer.parseInt(s.strip());
        }
        if (v == null || v < 0 || v > max) {
            throw new InvalidInputException(field, "Give a whole number from 0 to " + max + " or NE.");
        }
        return v;
    }

    private static boolean isNe(@Nullable Object value) {
        return value instanceof String s && s.strip().equalsIgnoreCase(JointScoreView.NE);
    }

    private static boolean isJoint(String name) {
        for (HjhsJoint j : HjhsJoint.values()) {
            if (j.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String jointNames() {
        return String.join(
                ", ",
                java.util.Arrays.stream(HjhsJoint.values()).map(Enum::name).toList());
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field, String allowed) {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "One of " + allowed + ".");
        }
    }

    private static String reason(@Nullable String value, String field) {
        String reason = value == null ? "" : value.strip();
        if (reason.isEmpty() || reason.length() > 500) {
            throw new InvalidInputException(field, "Say why (up to 500 characters).");
        }
        return reason;
    }

    private static @Nullable String text(@Nullable String value, int max, String field) {
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
