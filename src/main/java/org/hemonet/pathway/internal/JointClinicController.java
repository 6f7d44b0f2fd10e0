package org.hemonet.pathway.internal;

import java.time.LocalDate;
import java.util.UUID;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.pathway.JointClinic;
import org.hemonet.pathway.JointClinics;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The joint transition clinics page (issue 17), {@code /patients/{id}/joint-clinics}: the dates booked, cancelling one,
 * booking another. The API is {@link JointClinicApiController}.
 */
@Controller
class JointClinicController {

    private final JointClinics clinics;
    private final PatientRegistry patients;
    private final CentreDirectory centres;
    private final CurrentActor currentActor;

    JointClinicController(
            JointClinics clinics, PatientRegistry patients, CentreDirectory centres, CurrentActor currentActor) {
        this.clinics = clinics;
        this.patients = patients;
        this.centres = centres;
        this.currentActor = currentActor;
    }

    @GetMapping("/patients/{id}/joint-clinics")
    String page(@PathVariable UUID id, @RequestParam(required = false) @Nullable String error, Model model) {
        Actor actor = currentActor.require();
        model.addAttribute("clinics", clinics.clinicsOf(actor, id));
        model.addAttribute("patient", patients.find(actor, id).orElseThrow());
        model.addAttribute("centres", centres.centres());
        model.addAttribute("mayBook", clinics.maySchedule(actor));
        model.addAttribute("error", error);
        return "pathway/joint-clinics";
    }

    @PostMapping("/patients/{id}/joint-clinics")
    String book(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable LocalDate clinicOn,
            @RequestParam(required = false) @Nullable UUID adultCentreId,
            @RequestParam(required = false) @Nullable String note) {
        try {
            clinics.schedule(currentActor.require(), id, clinicOn, adultCentreId, note);
        } catch (InvalidInputException e) {
            return "redirect:/patients/" + id + "/joint-clinics?error=" + e.field();
        }
        return "redirect:/patients/" + id + "/joint-clinics";
    }

    @PostMapping("/joint-clinics/{id}/cancellation")
    String cancelFromPage(@PathVariable UUID id) {
        JointClinic c = clinics.cancel(currentActor.require(), id);
        return "redirect:/patients/" + c.patientId() + "/joint-clinics";
    }
}
