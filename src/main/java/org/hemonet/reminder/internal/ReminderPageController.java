package org.hemonet.reminder.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.reminder.NotificationPreferences;
import org.hemonet.reminder.NotificationPreferencesRequest;
import org.hemonet.reminder.ReminderOverview;
import org.hemonet.reminder.Reminders;
import org.hemonet.reminder.WebPush;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reminders page (issue 16), phone-first: a patient or parent sees the coming week's reminders with channel and
 * time and sets channels, quiet hours and e-mail address; centre staff see a patient's reminders and the diary
 * completeness before and after they were switched on.
 */
@Controller
class ReminderPageController {

    private final Reminders reminders;
    private final PatientRegistry patients;
    private final WebPush push;
    private final CurrentActor currentActor;
    private final Clock clock;

    ReminderPageController(
            Reminders reminders, PatientRegistry patients, WebPush push, CurrentActor currentActor, Clock clock) {
        this.clock = clock;
        this.reminders = reminders;
        this.patients = patients;
        this.push = push;
        this.currentActor = currentActor;
    }

    @GetMapping("/reminders")
    String page(
            @RequestParam(name = "patient", required = false) @Nullable UUID selected,
            @RequestParam(name = "days", defaultValue = "28") int days,
            Model model) {
        Actor actor = currentActor.require();
        UUID patientId = selected != null ? selected : first(actor);
        fill(model, actor, patientId, days);
        return "reminder/reminders";
    }

    @PostMapping("/reminders/preferences")
    String save(
            @RequestParam(name = "patient") UUID patientId,
            @RequestParam(name = "channels", required = false) @Nullable List<String> channels,
            @RequestParam(name = "quietHoursStart", required = false) @Nullable String quietHoursStart,
            @RequestParam(name = "quietHoursEnd", required = false) @Nullable String quietHoursEnd,
            @RequestParam(name = "email", required = false) @Nullable String email,
            Model model) {
        Actor actor = currentActor.require();
        try {
            reminders.save(
                    actor,
                    new NotificationPreferencesRequest(
                            channels == null ? List.of() : channels, quietHoursStart, quietHoursEnd, email));
        } catch (InvalidInputException e) {
            fill(model, actor, patientId, 28);
            model.addAttribute("errorField", e.field());
            model.addAttribute("errorText", e.getMessage());
            return "reminder/reminders";
        }
        return "redirect:/reminders?patient=" + patientId + "&saved";
    }

    private void fill(Model model, Actor actor, UUID patientId, int days) {
        ReminderOverview overview = reminders.upcoming(actor, patientId, 7);
        PatientSummary patient = patients.find(actor, patientId).orElseThrow(() -> new NotFoundException("patient"));
        boolean holder = actor.patientIds().contains(patientId);
        model.addAttribute("patient", patient);
        model.addAttribute("overview", overview);
        model.addAttribute("holder", holder);
        model.addAttribute("today", LocalDate.now(clock.withZone(patient.timeZone())));
        if (holder) {
            NotificationPreferences preferences = reminders.preferences(actor);
            model.addAttribute("preferences", preferences);
            model.addAttribute("vapidKey", push.publicKey());
            List<PatientSummary> records = new ArrayList<>();
            for (UUID id : reminders.heldRecords(actor)) {
                patients.find(actor, id).ifPresent(records::add);
            }
            model.addAttribute("records", records);
        } else {
            model.addAttribute("records", List.of());
            model.addAttribute(
                    "completeness", reminders.completeness(actor, patientId, Math.max(7, Math.min(days, 365))));
        }
    }

    private static UUID first(Actor actor) {
        return actor.patientIds().stream().sorted().findFirst().orElseThrow(() -> new NotFoundException("patient"));
    }
}
