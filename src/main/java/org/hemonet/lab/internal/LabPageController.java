package org.hemonet.lab.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.lab.Analyte;
import org.hemonet.lab.AssayMethod;
import org.hemonet.lab.LabResult;
import org.hemonet.lab.LabResultRequest;
import org.hemonet.lab.LabResults;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.shared.Actor;
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
 * The patient's laboratory results page {@code /patients/{id}/lab-results} (issue 21): a trend and a table per analyte,
 * and for centre staff a form to enter a result; the alerts and dosing advice a new result raised are shown at once.
 */
@Controller
class LabPageController {

    private final LabResults results;
    private final PatientRegistry patients;
    private final CurrentActor currentActor;
    private final java.time.Clock clock;

    LabPageController(LabResults results, PatientRegistry patients, CurrentActor currentActor, java.time.Clock clock) {
        this.results = results;
        this.patients = patients;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** One analyte's results, newest first in the table, with its trend. */
    record Section(Analyte analyte, List<LabResult> newestFirst, @Nullable LabChart chart) {}

    @GetMapping("/patients/{patientId}/lab-results")
    String page(@PathVariable UUID patientId, Model model, HttpServletResponse response) {
        Actor actor = currentActor.require();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("analyte", "ALT");
        values.put("unit", "");
        return render(actor, patientId, model, response, values, null, null);
    }

    @PostMapping("/patients/{patientId}/lab-results")
    String record(
            @PathVariable UUID patientId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        Actor actor = currentActor.require();
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : List.of("analyte", "method", "value", "unit", "sampledOn", "laboratory")) {
            String v = form.getFirst(key);
            values.put(key, v == null ? "" : v.strip());
        }
        try {
            Analyte analyte = parse(Analyte.class, values.get("analyte"), "analyte");
            String unit =
                    values.get("unit").isEmpty() && analyte != null ? analyte.canonicalUnit() : values.get("unit");
            LabResults.Recorded recorded = results.record(
                    actor,
                    patientId,
                    new LabResultRequest(
                            analyte,
                            parse(AssayMethod.class, values.get("method"), "method"),
                            decimal(values.get("value")),
                            unit,
                            date(values.get("sampledOn")),
                            null,
                            null,
                            values.get("laboratory").isEmpty() ? null : values.get("laboratory")));
            model.addAttribute("recorded", recorded);
            values.put("value", "");
            return render(actor, patientId, model, response, values, null, null);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return render(actor, patientId, model, response, values, e.field(), e.getMessage());
        }
    }

    private String render(
            Actor actor,
            UUID patientId,
            Model model,
            HttpServletResponse response,
            Map<String, String> values,
            @Nullable String errorField,
            @Nullable String error) {
        response.setHeader("Cache-Control", "no-store");
        List<LabResult> all = results.list(actor, patientId, null);
        PatientSummary patient = patients.find(actor, patientId).orElseThrow(() -> new NotFoundException("patient"));
        List<Section> sections = new ArrayList<>();
        for (Analyte analyte : Analyte.values()) {
            List<LabResult> of =
                    all.stream().filter(r -> r.analyte() == analyte).toList();
            if (!of.isEmpty()) {
                List<LabResult> newestFirst = new ArrayList<>(of);
                java.util.Collections.reverse(newestFirst);
                sections.add(new Section(analyte, newestFirst, LabChart.of(of)));
            }
        }
        model.addAttribute("patient", patient);
        model.addAttribute("sections", sections);
        model.addAttribute("analytes", Analyte.values());
        model.addAttribute("methods", AssayMethod.values());
        model.addAttribute("values", values);
        model.addAttribute("errorField", errorField);
        model.addAttribute("error", error);
        model.addAttribute("mayEnter", Role.of(actor.role()).isCentreStaff());
        model.addAttribute("today", LocalDate.now(clock.withZone(patient.timeZone())));
        return "lab/results";
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "Choose from the list.");
        }
    }

    private static @Nullable BigDecimal decimal(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("value", "Not a number.");
        }
    }

    private static @Nullable LocalDate date(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("sampledOn", "Not a date.");
        }
    }
}
