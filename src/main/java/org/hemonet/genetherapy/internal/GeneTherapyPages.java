package org.hemonet.genetherapy.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hemonet.genetherapy.AntithrombinLowering;
import org.hemonet.genetherapy.GeneTherapies;
import org.hemonet.genetherapy.GeneTherapyOutcomes;
import org.hemonet.genetherapy.GeneTherapyRequest;
import org.hemonet.genetherapy.GeneTherapyView;
import org.hemonet.genetherapy.SteroidCourseRequest;
import org.hemonet.identity.Role;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.product.ProductClass;
import org.hemonet.shared.Actor;
import org.hemonet.shared.ConflictException;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The gene therapy pages (issue 21): the centre's list {@code /gene-therapy} (due, overdue and open alerts first) and
 * a patient's page {@code /patients/{id}/gene-therapy}: the infusion and work-up (or the form to record one), alerts
 * to acknowledge, the corticosteroid course, the follow-up schedule, expression, outcomes before and after, and the
 * antithrombin-lowering course with its recommendations to confirm.
 */
@Controller
class GeneTherapyPages {

    private final GeneTherapies therapies;
    private final GeneTherapyOutcomes outcomes;
    private final AntithrombinLowering antithrombin;
    private final PatientRegistry patients;
    private final ProductCatalogue catalogue;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final org.hemonet.genetherapy.GeneTherapyNetworkReport networkReport;

    GeneTherapyPages(
            org.hemonet.genetherapy.GeneTherapyNetworkReport networkReport,
            GeneTherapies therapies,
            GeneTherapyOutcomes outcomes,
            AntithrombinLowering antithrombin,
            PatientRegistry patients,
            ProductCatalogue catalogue,
            CurrentActor currentActor,
            Clock clock) {
        this.networkReport = networkReport;
        this.therapies = therapies;
        this.outcomes = outcomes;
        this.antithrombin = antithrombin;
        this.patients = patients;
        this.catalogue = catalogue;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @GetMapping("/gene-therapy")
    String centreList(Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("rows", therapies.centreList(currentActor.require()));
        return "genetherapy/centre";
    }

    @GetMapping("/reports/gene-therapy")
    String network(Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("report", networkReport.report(currentActor.require()));
        return "genetherapy/network";
    }

    @GetMapping("/patients/{patientId}/gene-therapy")
    String page(@PathVariable UUID patientId, Model model, HttpServletResponse response) {
        return render(currentActor.require(), patientId, model, response, new LinkedHashMap<>(), null, null, null);
    }

    @PostMapping("/patients/{patientId}/gene-therapy")
    String record(
            @PathVariable UUID patientId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        Actor actor = currentActor.require();
        Map<String, String> values = values(form);
        try {
            therapies.record(
                    actor,
                    patientId,
                    new GeneTherapyRequest(
                            uuid(values.get("productId"), "productId"),
                            values.get("batchNumber"),
                            date(values.get("infusedOn"), "infusedOn"),
                            decimal(values.get("doseVgPerKg"), "doseVgPerKg"),
                            values.get("aavAntibodies"),
                            decimal(values.get("baselineAlt"), "baselineAlt"),
                            values.get("aavTitre"),
                            values.get("liverHealth"),
                            values.get("inhibitorHistory"),
                            values.get("eligibilityNotes"),
                            null));
            return "redirect:/patients/" + patientId + "/gene-therapy?done=recorded";
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? 409 : 400);
            return render(actor, patientId, model, response, values, fieldOf(e), e.getMessage(), "gt");
        }
    }

    @PostMapping("/patients/{patientId}/gene-therapy/{geneTherapyId}/alerts/{alertId}")
    String acknowledge(
            @PathVariable UUID patientId,
            @PathVariable UUID geneTherapyId,
            @PathVariable UUID alertId,
            @RequestParam(required = false) @Nullable String note) {
        therapies.acknowledge(currentActor.require(), patientId, geneTherapyId, alertId, note);
        return "redirect:/patients/" + patientId + "/gene-therapy?done=acknowledged";
    }

    @PostMapping("/patients/{patientId}/gene-therapy/{geneTherapyId}/steroid-courses")
    String startSteroids(
            @PathVariable UUID patientId,
            @PathVariable UUID geneTherapyId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        Actor actor = currentActor.require();
        Map<String, String> values = values(form);
        try {
            therapies.startSteroids(
                    actor,
                    patientId,
                    geneTherapyId,
                    new SteroidCourseRequest(
                            values.get("alertId") == null ? null : uuid(values.get("alertId"), "alertId"),
                            values.get("drug"),
                            date(values.get("startedOn"), "startedOn"),
                            decimal(values.get("doseMgPerDay"), "doseMgPerDay"),
                            List.of()));
            return "redirect:/patients/" + patientId + "/gene-therapy?done=course";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return render(actor, patientId, model, response, values, e.field(), e.getMessage(), "course");
        }
    }

    @PostMapping("/patients/{patientId}/gene-therapy/{geneTherapyId}/steroid-courses/{courseId}")
    String taper(
            @PathVariable UUID patientId,
            @PathVariable UUID geneTherapyId,
            @PathVariable UUID courseId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        Actor actor = currentActor.require();
        Map<String, String> values = values(form);
        try {
            therapies.taper(
                    actor,
                    patientId,
                    geneTherapyId,
                    courseId,
                    new SteroidCourseRequest.StepRequest(
                            date(values.get("from"), "from"), decimal(values.get("doseMgPerDay"), "doseMgPerDay")));
            return "redirect:/patients/" + patientId + "/gene-therapy?done=taper";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return render(actor, patientId, model, response, values, e.field(), e.getMessage(), "course");
        }
    }

    @PostMapping("/patients/{patientId}/antithrombin-lowering")
    String startAntithrombin(
            @PathVariable UUID patientId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        Actor actor = currentActor.require();
        Map<String, String> values = values(form);
        try {
            antithrombin.start(
                    actor,
                    patientId,
                    new AntithrombinLowering.StartRequest(
                            uuid(values.get("productId"), "productId"),
                            date(values.get("startedOn"), "startedOn"),
                            null));
            return "redirect:/patients/" + patientId + "/gene-therapy?done=antithrombin#antithrombin";
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? 409 : 400);
            return render(actor, patientId, model, response, values, fieldOf(e), e.getMessage(), "at");
        }
    }

    @PostMapping("/patients/{patientId}/antithrombin-lowering/recommendations/{recommendationId}")
    String decide(
            @PathVariable UUID patientId,
            @PathVariable UUID recommendationId,
            @RequestParam(required = false) @Nullable String decision) {
        antithrombin.decide(currentActor.require(), patientId, recommendationId, decision);
        return "redirect:/patients/" + patientId + "/gene-therapy?done=decided#antithrombin";
    }

    private String render(
            Actor actor,
            UUID patientId,
            Model model,
            HttpServletResponse response,
            Map<String, String> values,
            @Nullable String errorField,
            @Nullable String error,
            @Nullable String errorForm) {
        response.setHeader("Cache-Control", "no-store");
        Optional<GeneTherapyView> view = therapies.ofPatient(actor, patientId);
        PatientSummary patient = patients.find(actor, patientId).orElseThrow(() -> new NotFoundException("patient"));
        List<Product> products = catalogue.products();
        model.addAttribute("patient", patient);
        model.addAttribute("gt", view.orElse(null));
        model.addAttribute(
                "outcomes",
                view.map(v -> outcomes.beforeAfter(actor, patientId, v.id(), 1)).orElse(null));
        model.addAttribute("at", antithrombin.course(actor, patientId).orElse(null));
        model.addAttribute(
                "gtProducts",
                products.stream()
                        .filter(p -> p.productClass().isGeneTherapy()
                                && !p.isWithdrawn()
                                && p.productClass()
                                        .expressedFactor()
                                        .equals(patient.diagnosis().factor()))
                        .toList());
        model.addAttribute(
                "atProducts",
                products.stream()
                        .filter(p -> p.productClass() == ProductClass.ANTITHROMBIN_LOWERING && !p.isWithdrawn())
                        .toList());
        model.addAttribute("values", values);
        model.addAttribute("errorField", errorField);
        model.addAttribute("error", error);
        model.addAttribute("errorForm", errorForm);
        model.addAttribute("staff", Role.of(actor.role()).isCentreStaff());
        model.addAttribute("clinician", Role.of(actor.role()) == Role.CLINICIAN);
        model.addAttribute("today", LocalDate.now(clock.withZone(patient.timeZone())));
        return "genetherapy/patient";
    }

    private static Map<String, String> values(MultiValueMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (!k.startsWith("_")
                    && !v.isEmpty()
                    && v.get(0) != null
                    && !v.get(0).isBlank()) {
                values.put(k, v.get(0).strip());
            }
        });
        return values;
    }

    private static @Nullable String fieldOf(RuntimeException e) {
        return e instanceof InvalidInputException i ? i.field() : null;
    }

    private static @Nullable UUID uuid(@Nullable String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "Choose from the list.");
        }
    }

    private static @Nullable LocalDate date(@Nullable String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(field, "Not a date.");
        }
    }

    private static @Nullable BigDecimal decimal(@Nullable String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.replace(',', '.').replace(" ", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "Not a number (e.g. 2e13).");
        }
    }
}
