package org.hemonet.web;

import org.hemonet.identity.Role;
import org.hemonet.report.DesignationReport;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The network's centres with their designation status, for staff and network users (not for patients). */
@Controller
class CentresPageController {

    private final DesignationReport designation;
    private final org.hemonet.centre.CentreDirectory centres;
    private final CurrentActor currentActor;

    CentresPageController(
            DesignationReport designation, org.hemonet.centre.CentreDirectory centres, CurrentActor currentActor) {
        this.designation = designation;
        this.centres = centres;
        this.currentActor = currentActor;
    }

    @GetMapping("/centres")
    String centres(Model model) {
        if (Role.of(currentActor.require().role()) == Role.PATIENT) {
            throw new NotFoundException("Page");
        }
        model.addAttribute("report", designation.report());
        model.addAttribute("profiles", centres.profiles());
        return "centres";
    }
}
