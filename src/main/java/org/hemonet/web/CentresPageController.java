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
    private final org.hemonet.report.CohortOutcomesReport cohorts;

    CentresPageController(
            DesignationReport designation,
            org.hemonet.centre.CentreDirectory centres,
            CurrentActor currentActor,
            org.hemonet.report.CohortOutcomesReport cohorts) {
        this.designation = designation;
        this.centres = centres;
        this.currentActor = currentActor;
        this.cohorts = cohorts;
    }

    @GetMapping("/centres")
    String centres(Model model) {
        if (Role.of(currentActor.require().role()) == Role.PATIENT) {
            throw new NotFoundException("Page");
        }
        model.addAttribute("report", designation.report());
        model.addAttribute("profiles", centres.profiles());
        // the cohort outcomes each viewer may open (issue 6): their own centre's, or every centre's for the network
        org.hemonet.shared.Actor actor = currentActor.require();
        model.addAttribute(
                "outcomeCentres",
                centres.profiles().stream()
                        .map(org.hemonet.centre.CentreProfile::id)
                        .filter(id -> cohorts.maySee(actor, id))
                        .collect(java.util.stream.Collectors.toSet()));
        return "centres";
    }
}
