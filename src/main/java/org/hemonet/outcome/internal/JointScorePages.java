package org.hemonet.outcome.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.outcome.HjhsItem;
import org.hemonet.outcome.HjhsJoint;
import org.hemonet.outcome.JointScoreChart;
import org.hemonet.outcome.JointScoreRequest;
import org.hemonet.outcome.JointScoreView;
import org.hemonet.outcome.JointScores;
import org.hemonet.outcome.ScoreContext;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.hemonet.shared.StaleVersionException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The HJHS pages (issue 6): the physiotherapist's entry form {@code /patients/{id}/joint-scores/new} (six joints and
 * gait, each item a small select with its allowed values and NE; live totals from {@code /js/hjhs.js}) and the history
 * {@code /patients/{id}/joint-scores} with its table and server-rendered SVG charts.
 */
@Controller
class JointScorePages {

    private final JointScores scores;
    private final PatientRegistry patients;
    private final AccessPolicy accessPolicy;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final Clock clock;

    JointScorePages(
            JointScores scores,
            PatientRegistry patients,
            AccessPolicy accessPolicy,
            AuditLog auditLog,
            CurrentActor currentActor,
            Clock clock) {
        this.scores = scores;
        this.patients = patients;
        this.accessPolicy = accessPolicy;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @GetMapping("/patients/{patientId}/joint-scores")
    String history(
            @PathVariable UUID patientId,
            @RequestParam(required = false) @Nullable String saved,
            @RequestParam(required = false) @Nullable String done,
            @RequestParam(defaultValue = "false") boolean replaced,
            Model model) {
        Actor actor = currentActor.require();
        PatientSummary patient = patient(actor, patientId);
        model.addAttribute("saved", saved);
        model.addAttribute("done", done == null ? null : DONE.get(done));
        return history(actor, patient, replaced, model);
    }

    /** Notices after a correction or a void (redirect-after-post), by the {@code done} parameter. */
    private static final Map<String, String> DONE = Map.of(
            "corrected", "uifix.hjhs.corrected",
            "voided", "uifix.hjhs.voided",
            "stale", "uifix.hjhs.stale");

    /**
     * The history: current scores in the charts and totals; voided ones struck out in the table with who, when and
     * why; scores replaced by a correction only when asked for ({@code replaced=true}). One audited read.
     */
    private String history(Actor actor, PatientSummary patient, boolean showReplaced, Model model) {
        List<JointScoreView> all = scores.history(actor, patient.id(), true);
        List<JointScoreView> current =
                all.stream().filter(JointScoreView::current).toList();
        List<JointScoreView> newestFirst = new ArrayList<>(all.stream()
                .filter(s -> s.current() || s.voided() || showReplaced)
                .toList());
        java.util.Collections.reverse(newestFirst);
        model.addAttribute("patient", patient);
        model.addAttribute("scores", newestFirst);
        model.addAttribute(
                "replacedCount",
                all.stream().filter(s -> !s.current() && !s.voided()).count());
        model.addAttribute("showReplaced", showReplaced);
        model.addAttribute("chart", JointScoreChart.of(current));
        model.addAttribute("joints", HjhsJoint.values());
        model.addAttribute("mayAssess", scores.mayAssess(actor));
        model.addAttribute("zone", patient.timeZone());
        if (!model.containsAttribute("saved")) {
            model.addAttribute("saved", null);
        }
        if (!model.containsAttribute("done")) {
            model.addAttribute("done", null);
        }
        if (!model.containsAttribute("voidError")) {
            model.addAttribute("voidError", null);
            model.addAttribute("voidFor", null);
        }
        return "outcome/joint-scores";
    }

    /** The entry form filled with a current score, to correct it (with a reason; the earlier score is kept). */
    @GetMapping("/patients/{patientId}/joint-scores/{scoreId}/correct")
    String correctionForm(@PathVariable UUID patientId, @PathVariable UUID scoreId, Model model) {
        Actor actor = currentActor.require();
        requireAssessor(actor);
        PatientSummary patient = patient(actor, patientId);
        JointScoreView score = scores.history(actor, patientId, true).stream()
                .filter(s -> s.id().equals(scoreId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("joint score"));
        if (!score.current()) {
            return "redirect:/patients/" + patientId + "/joint-scores?done=stale";
        }
        model.addAttribute("correcting", score);
        return form(model, patient, valuesOf(score), null, null);
    }

    @PostMapping("/patients/{patientId}/joint-scores/{scoreId}/correct")
    String correct(
            @PathVariable UUID patientId,
            @PathVariable UUID scoreId,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletResponse response,
            Model model) {
        Actor actor = currentActor.require();
        requireAssessor(actor);
        PatientSummary patient = patient(actor, patientId);
        Map<String, String> values = valuesOf(form);
        model.addAttribute("correctingId", scoreId);
        try {
            JointScoreRequest r = requestOf(values);
            scores.correct(
                    actor,
                    patientId,
                    scoreId,
                    new JointScoreRequest(
                            r.assessedOn(),
                            r.context(),
                            r.operation(),
                            r.operatedJoint(),
                            r.note(),
                            r.joints(),
                            r.gait(),
                            values.get("reason")));
            return "redirect:/patients/" + patientId + "/joint-scores?done=corrected";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute(
                    "error",
                    "reason".equals(e.field())
                            ? new FormError("uifix.hjhs.error.reason", List.of())
                            : errorOf(e.field()));
            return form(model, patient, values, e.field(), e.getMessage());
        } catch (StaleVersionException e) {
            // someone corrected or voided it after the form was opened: keep what was typed, say what happened
            response.setStatus(HttpStatus.PRECONDITION_FAILED.value());
            model.addAttribute("error", new FormError("uifix.hjhs.stale", List.of()));
            model.addAttribute("stale", true);
            return form(model, patient, values, null, null);
        }
    }

    /** Voids a current score with a reason; it stays in the table, struck out, and leaves the totals and charts. */
    @PostMapping("/patients/{patientId}/joint-scores/{scoreId}/void")
    String voidScore(
            @PathVariable UUID patientId,
            @PathVariable UUID scoreId,
            @RequestParam(required = false) @Nullable String reason,
            HttpServletResponse response,
            Model model) {
        Actor actor = currentActor.require();
        requireAssessor(actor);
        PatientSummary patient = patient(actor, patientId);
        try {
            scores.voidScore(actor, patientId, scoreId, reason);
            return "redirect:/patients/" + patientId + "/joint-scores?done=voided";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("voidError", "uifix.hjhs.error.voidReason");
            model.addAttribute("voidFor", scoreId);
        } catch (StaleVersionException e) {
            response.setStatus(HttpStatus.PRECONDITION_FAILED.value());
            model.addAttribute("done", "uifix.hjhs.stale");
        }
        return history(actor, patient, false, model);
    }

    /** A stored score as the form's fields (the inverse of {@link #requestOf}). */
    static Map<String, String> valuesOf(JointScoreView score) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("assessedOn", score.assessedOn().toString());
        values.put("context", score.context().name());
        if (score.operatedJoint() != null) {
            values.put("operatedJoint", score.operatedJoint().name());
        }
        if (score.operation() != null) {
            values.put("operation", score.operation());
        }
        if (score.note() != null) {
            values.put("note", score.note());
        }
        for (JointScoreView.Joint joint : score.joints()) {
            if (joint.notEvaluable()) {
                values.put(joint.joint().name() + ".ne", "true");
                continue;
            }
            joint.items()
                    .forEach((item, value) -> values.put(joint.joint().name() + "." + item, String.valueOf(value)));
        }
        values.put("gait", String.valueOf(score.gait()));
        return values;
    }

    private static Map<String, String> valuesOf(MultiValueMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (!v.isEmpty() && !"_csrf".equals(k)) {
                values.put(k, v.get(0));
            }
        });
        return values;
    }

    @GetMapping("/patients/{patientId}/joint-scores/new")
    String form(@PathVariable UUID patientId, Model model) {
        Actor actor = currentActor.require();
        requireAssessor(actor);
        PatientSummary patient = patient(actor, patientId);
        Map<String, String> values = new LinkedHashMap<>();
        values.put(
                "assessedOn", LocalDate.now(clock.withZone(patient.timeZone())).toString());
        values.put("context", ScoreContext.ROUTINE.name());
        return form(model, patient, values, null, null);
    }

    @PostMapping("/patients/{patientId}/joint-scores/new")
    String submit(@PathVariable UUID patientId, @RequestParam MultiValueMap<String, String> form, Model model) {
        Actor actor = currentActor.require();
        requireAssessor(actor);
        PatientSummary patient = patient(actor, patientId);
        Map<String, String> values = valuesOf(form);
        try {
            JointScoreView saved = scores.record(actor, patientId, requestOf(values));
            return "redirect:/patients/" + patientId + "/joint-scores?saved=" + saved.id();
        } catch (InvalidInputException e) {
            model.addAttribute("error", errorOf(e.field()));
            return form(model, patient, values, e.field(), e.getMessage());
        }
    }

    private String form(
            Model model,
            PatientSummary patient,
            Map<String, String> values,
            @Nullable String errorField,
            @Nullable String errorText) {
        model.addAttribute("patient", patient);
        model.addAttribute("joints", HjhsJoint.values());
        model.addAttribute("items", HjhsItem.values());
        model.addAttribute("contexts", ScoreContext.values());
        model.addAttribute("gaitMax", HjhsItem.GAIT_MAX);
        model.addAttribute("values", values);
        model.addAttribute("errorField", errorField);
        model.addAttribute("today", LocalDate.now(clock.withZone(patient.timeZone())));
        if (!model.containsAttribute("correcting")) {
            model.addAttribute("correcting", null);
        }
        if (!model.containsAttribute("correctingId")) {
            Object correcting = model.getAttribute("correcting");
            model.addAttribute("correctingId", correcting instanceof JointScoreView v ? v.id() : null);
        }
        if (!model.containsAttribute("stale")) {
            model.addAttribute("stale", false);
        }
        if (!model.containsAttribute("error")) {
            model.addAttribute("error", null);
        }
        return "outcome/joint-score-form";
    }

    /** The form's fields as an API request: {@code LEFT_KNEE.swelling} = 0…3 or NE; {@code LEFT_KNEE.ne} = whole joint NE. */
    static JointScoreRequest requestOf(Map<String, String> v) {
        Map<String, @Nullable Object> joints = new LinkedHashMap<>();
        for (HjhsJoint joint : HjhsJoint.values()) {
            if ("true".equals(v.get(joint.name() + ".ne"))) {
                joints.put(joint.name(), JointScoreView.NE);
                continue;
            }
            Map<String, Object> items = new LinkedHashMap<>();
            for (HjhsItem item : HjhsItem.values()) {
                String value = v.get(joint.name() + "." + item.jsonName());
                if (value != null && !value.isBlank()) {
                    items.put(item.jsonName(), value);
                }
            }
            joints.put(joint.name(), items);
        }
        LocalDate assessedOn = null;
        String date = v.get("assessedOn");
        if (date != null && !date.isBlank()) {
            try {
                assessedOn = LocalDate.parse(date.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidInputException("assessedOn", "Give the date of the assessment.");
            }
        }
        String gait = v.get("gait");
        return new JointScoreRequest(
                assessedOn,
                v.get("context"),
                v.get("operation"),
                v.get("operatedJoint"),
                v.get("note"),
                joints,
                gait == null || gait.isBlank() ? null : gait,
                null);
    }

    /** A message key and arguments for a field at fault; the page never shows exception text. */
    record FormError(String key, List<String> args) {}

    static FormError errorOf(@Nullable String field) {
        if (field == null) {
            return new FormError("hjhs.error.general", List.of());
        }
        if (field.startsWith("joints.")) {
            String[] parts = field.split("\\.");
            String joint = Arrays.stream(HjhsJoint.values())
                    .filter(j -> j.name().equals(parts[1]))
                    .findFirst()
                    .map(HjhsJoint::messageKey)
                    .orElse("hjhs.joint.unknown");
            if (parts.length > 2) {
                String item =
                        HjhsItem.ofJsonName(parts[2]).map(HjhsItem::messageKey).orElse("hjhs.item.unknown");
                return new FormError("hjhs.error.item", List.of(joint, item));
            }
            return new FormError("hjhs.error.joint", List.of(joint));
        }
        return switch (field) {
            case "assessedOn", "operatedJoint", "gait", "context", "operation", "note" ->
                new FormError("hjhs.error." + field, List.of());
            default -> new FormError("hjhs.error.general", List.of());
        };
    }

    private void requireAssessor(Actor actor) {
        if (!scores.mayAssess(actor)) {
            throw new AccessDeniedException("joint scores are recorded by physiotherapists and clinicians");
        }
    }

    private PatientSummary patient(Actor actor, UUID patientId) {
        if (!accessPolicy.usesPatientData(actor)) {
            throw new AccessDeniedException("patient-level page");
        }
        return patients.find(actor, patientId).orElseThrow(() -> {
            auditLog.patientAccess(AuditAction.READ, patientId, JointScores.RESOURCE, null, AuditOutcome.DENIED);
            return new NotFoundException("patient");
        });
    }
}
