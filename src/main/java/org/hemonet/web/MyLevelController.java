package org.hemonet.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.diary.BleedDiary;
import org.hemonet.diary.Infusion;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.pk.PkEstimator;
import org.hemonet.pk.PkParameters;
import org.hemonet.pk.PkRecords;
import org.hemonet.pk.SavedStudy;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "My factor level" (issue 7): the patient's estimated level now from their logged infusions, with the expected curve
 * for the next 72 h. The PK is the patient's own once a clinician has signed a regimen off from a saved PK study: the
 * individual η of the latest signed-off, non-voided study applied to today's weight and age ({@code Pᵢ = TV · e^η},
 * pk-models.md). A study that was only saved is not used: sign-off is the clinician's review of the fit. Until then
 * population PK for the patient's weight and age. The explanation says which one is used. A parent names the child ({@code ?patient=}); staff
 * may open it for the patients they may see. Access goes through {@link PatientPages} (404 for anyone else).
 */
@Controller
class MyLevelController {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm");

    private final PatientPages patientPages;
    private final PatientRegistry patients;
    private final CurrentActor currentActor;
    private final BleedDiary diary;
    private final PkEstimator estimator;
    private final AuditLog auditLog;
    private final PkRecords pkRecords;
    private final Clock clock;

    MyLevelController(
            PatientPages patientPages,
            PatientRegistry patients,
            CurrentActor currentActor,
            BleedDiary diary,
            PkEstimator estimator,
            AuditLog auditLog,
            PkRecords pkRecords,
            Clock clock) {
        this.patientPages = patientPages;
        this.patients = patients;
        this.currentActor = currentActor;
        this.diary = diary;
        this.estimator = estimator;
        this.auditLog = auditLog;
        this.pkRecords = pkRecords;
        this.clock = clock;
    }

    @GetMapping("/my-level")
    String myLevel(@RequestParam(name = "patient", required = false) @Nullable UUID selected, Model model) {
        Actor actor = currentActor.require();
        UUID patientId = selected != null ? selected : firstHeld(actor);
        PatientSummary patient = patientPages.require(patientId, "EstimatedLevel");
        model.addAttribute("patient", patient);
        String pkModel = LevelNow.modelFor(patient.diagnosis());
        if (pkModel == null) {
            model.addAttribute("problem", "noModel");
            return "pk/my-level";
        }
        if (patient.weightKg() == null) {
            model.addAttribute("problem", "noWeight");
            return "pk/my-level";
        }
        Instant now = clock.instant();
        List<Infusion> infusions = diary.infusions(actor, patient.id());
        try {
            double age = Math.max(patient.ageOn(LocalDate.now(clock)), 0);
            double weight = patient.weightKg().doubleValue();
            PkParameters parameters = estimator.typicalParameters(pkModel, LevelNow.covariates(pkModel, weight, age));
            SavedStudy own = pkRecords.latestSignedOff(patient.id()).orElse(null);
            if (own != null) {
                try {
                    Object product = own.study().covariates().get("product");
                    parameters = estimator.individualParameters(
                            own.model(),
                            PkRecords.covariates(own.model(), weight, age, product == null ? null : product.toString()),
                            own.estimate().eta());
                    model.addAttribute(
                            "ownStudy",
                            PkStudyController.SHOWN
                                    .format(own.enteredAt().atZone(patient.timeZone()))
                                    .replaceFirst(",.*", ""));
                } catch (InvalidInputException | IllegalArgumentException e) {
                    // a study of a model since withdrawn or changed: fall back to population PK, said so by the text
                    model.addAttribute("ownStudy", null);
                }
            }
            double baseline = patient.baselineLevelIuPerDl() == null
                    ? 0
                    : patient.baselineLevelIuPerDl().doubleValue();
            LevelNow level = LevelNow.compute(estimator, infusions, now, parameters, baseline);
            auditLog.patientAccess(AuditAction.READ, patient.id(), "EstimatedLevel", null, AuditOutcome.SUCCESS);
            if (level.lastInfusion() == null) {
                model.addAttribute("problem", "noInfusions");
                return "pk/my-level";
            }
            model.addAttribute("belowOne", level.belowOne());
            model.addAttribute("roundedLevel", level.roundedLevel());
            model.addAttribute("lastInfusion", SHOWN.format(level.lastInfusion().atZone(patient.timeZone())));
            model.addAttribute("curveJson", level.curveJson());
        } catch (InvalidInputException e) {
            model.addAttribute("problem", "noModel");
        }
        return "pk/my-level";
    }

    private UUID firstHeld(Actor actor) {
        return actor.patientIds().stream().sorted().findFirst().orElseThrow(() -> new NotFoundException("patient"));
    }
}
