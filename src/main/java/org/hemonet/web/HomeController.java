package org.hemonet.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hemonet.centre.Centre;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.identity.Role;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSearch;
import org.hemonet.patient.PatientSummary;
import org.hemonet.patient.Severity;
import org.hemonet.report.NetworkOverview;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hemonet.survey.SurveySchedules;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The home page of each role, showing real data: a clinician their centre's patients, a patient their summary. */
@Controller
class HomeController {

    private final CurrentActor currentActor;
    private final PatientRegistry patients;
    private final CentreDirectory centres;
    private final NetworkOverview networkOverview;
    private final AccountAdministration accounts;
    private final SurveySchedules surveySchedules;
    private final org.hemonet.diary.BleedDiary diary;
    private final org.hemonet.supply.HomeStock homeStock;
    private final Clock clock;

    HomeController(
            CurrentActor currentActor,
            PatientRegistry patients,
            CentreDirectory centres,
            NetworkOverview networkOverview,
            AccountAdministration accounts,
            SurveySchedules surveySchedules,
            org.hemonet.diary.BleedDiary diary,
            org.hemonet.supply.HomeStock homeStock,
            Clock clock) {
        this.diary = diary;
        this.homeStock = homeStock;
        this.currentActor = currentActor;
        this.patients = patients;
        this.centres = centres;
        this.networkOverview = networkOverview;
        this.accounts = accounts;
        this.surveySchedules = surveySchedules;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(
            @RequestParam(name = "patient", required = false) @Nullable UUID selected,
            @RequestParam(name = "q", required = false) @Nullable String query,
            @RequestParam(name = "severity", required = false) @Nullable Severity severity,
            @RequestParam(name = "diagnosis", required = false) @Nullable DiagnosisType diagnosis,
            @RequestParam(name = "inhibitor", required = false) @Nullable Boolean inhibitor,
            @RequestParam(name = "centre", required = false) @Nullable UUID centre,
            Model model) {
        Actor actor = currentActor.require();
        Role role = Role.of(actor.role());
        model.addAttribute("today", LocalDate.now(clock));
        if (role == Role.PATIENT) {
            return patientHome(actor, selected, model);
        }
        if (role.isCentreStaff()) {
            model.addAttribute(
                    "centres",
                    actor.centreIds().stream()
                            .map(centres::centre)
                            .flatMap(Optional::stream)
                            .sorted(Comparator.comparing(Centre::name))
                            .toList());
            model.addAttribute("query", query == null ? "" : query);
            model.addAttribute("severity", severity);
            model.addAttribute("severities", Severity.values());
            model.addAttribute("diagnosis", diagnosis);
            model.addAttribute("diagnoses", DiagnosisType.values());
            model.addAttribute("inhibitor", inhibitor);
            model.addAttribute("centre", centre);
            model.addAttribute("patients", staffSearch(actor, query, severity, diagnosis, inhibitor, centre));
            return "home/staff";
        }
        if (role == Role.DELIVERY_PROVIDER) {
            return "redirect:/provider/deliveries";
        }
        if (role.isAggregateOnly()) {
            model.addAttribute("overview", networkOverview.overview());
            return "home/network";
        }
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("centres", centres.centres());
        return "home/admin";
    }

    /**
     * The staff search, posted so that the names and numbers typed never appear in a URL, a proxy log or the browser
     * history (security.md §16): the whole page, or only the table for the live search (htmx).
     */
    @PostMapping("/patients/search")
    String search(
            @RequestParam(name = "q", required = false) @Nullable String query,
            @RequestParam(name = "severity", required = false) @Nullable Severity severity,
            @RequestParam(name = "diagnosis", required = false) @Nullable DiagnosisType diagnosis,
            @RequestParam(name = "inhibitor", required = false) @Nullable Boolean inhibitor,
            @RequestParam(name = "centre", required = false) @Nullable UUID centre,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        if (htmx == null) {
            return home(null, query, severity, diagnosis, inhibitor, centre, model);
        }
        return patientRows(query, severity, diagnosis, inhibitor, centre, htmx, model);
    }

    /** The patient table alone, for the live search (htmx). */
    @GetMapping(path = "/", headers = "HX-Request=true", params = "fragment=patients")
    String patientRows(
            @RequestParam(name = "q", required = false) @Nullable String query,
            @RequestParam(name = "severity", required = false) @Nullable Severity severity,
            @RequestParam(name = "diagnosis", required = false) @Nullable DiagnosisType diagnosis,
            @RequestParam(name = "inhibitor", required = false) @Nullable Boolean inhibitor,
            @RequestParam(name = "centre", required = false) @Nullable UUID centre,
            @RequestHeader("HX-Request") String htmx,
            Model model) {
        Actor actor = currentActor.require();
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("patients", staffSearch(actor, query, severity, diagnosis, inhibitor, centre));
        return "home/staff :: patientTable";
    }

    /** The patients of the actor's centres (and shared care) matching every filter given. */
    private List<PatientSummary> staffSearch(
            Actor actor,
            @Nullable String query,
            @Nullable Severity severity,
            @Nullable DiagnosisType diagnosis,
            @Nullable Boolean inhibitor,
            @Nullable UUID centre) {
        return patients.search(
                        actor, new PatientSearch(query, severity, centre, diagnosis, inhibitor, 0, Integer.MAX_VALUE))
                .items();
    }

    private String patientHome(Actor actor, @Nullable UUID selected, Model model) {
        List<PatientSummary> held = patients.heldBy(actor);
        PatientSummary shown = held.stream()
                .filter(p -> p.id().equals(selected))
                .findFirst()
                .orElse(held.isEmpty() ? null : held.get(0));
        model.addAttribute("records", held);
        model.addAttribute("record", shown);
        if (shown != null) {
            model.addAttribute("centre", centres.centre(shown.centreId()).orElse(null));
            model.addAttribute("team", centres.team(shown.centreId()));
            model.addAttribute(
                    "surveysDue",
                    surveySchedules.dueForHolder(actor, shown.id()).size());
            // what needs doing today (issue 16): the day's dose by the plan, and stock running low
            model.addAttribute("dose", diary.scheduledDose(actor, shown.id()).orElse(null));
            org.hemonet.supply.StockReport stock = homeStock.stock(actor, shown.id());
            model.addAttribute("lowStock", stock.lowStock() ? stock : null);
        }
        return "home/patient";
    }
}
