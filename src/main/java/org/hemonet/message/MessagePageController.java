package org.hemonet.message;

import java.time.ZoneId;
import java.util.UUID;
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
 * The inbox pages: a patient's (or parent's) messages, phone-first, and a centre team's inbox for its staff. A safety
 * message is acknowledged from its page. Roles without an inbox see an empty one.
 */
@Controller
class MessagePageController {

    private final Messages messages;
    private final Threads threads;
    private final CurrentActor currentActor;
    private final org.hemonet.patient.PatientRegistry patients;
    private final ZoneId networkZone;

    MessagePageController(
            Messages messages,
            Threads threads,
            CurrentActor currentActor,
            org.hemonet.patient.PatientRegistry patients,
            org.hemonet.centre.NetworkSettings network) {
        this.messages = messages;
        this.threads = threads;
        this.currentActor = currentActor;
        this.patients = patients;
        this.networkZone = network.timeZone();
    }

    /**
     * The conversations (issue 16) above the centre's notices: a patient's or parent's threads with the out-of-hours
     * banner, or the team inbox filtered. Roles without messaging see notices only.
     */
    private void addThreads(Actor actor, ThreadFilter filter, Model model) {
        boolean messaging = java.util.Arrays.stream(org.hemonet.identity.Role.values())
                .anyMatch(r ->
                        r.name().equals(actor.role()) && (r == org.hemonet.identity.Role.PATIENT || r.isCentreStaff()));
        model.addAttribute("messaging", messaging);
        model.addAttribute("filter", filter);
        model.addAttribute("filters", ThreadFilter.values());
        model.addAttribute("threads", messaging ? threads.list(actor, filter) : java.util.List.of());
        model.addAttribute("helpLines", threads.helpLines(actor));
    }

    /** Times are shown in the reader's zone: a patient's (or parent's first child's) own, else the network's. */
    private ZoneId zoneOf(Actor actor) {
        return actor.patientIds().stream()
                .sorted()
                .findFirst()
                .flatMap(patients::zoneOf)
                .orElse(networkZone);
    }

    @GetMapping("/messages")
    String inbox(@RequestParam(defaultValue = "OPEN") ThreadFilter filter, Model model) {
        Actor actor = currentActor.require();
        addThreads(actor, filter, model);
        model.addAttribute("messages", messages.inbox(actor));
        model.addAttribute("patient", "PATIENT".equals(actor.role()));
        model.addAttribute("mailAddress", messages.mailAddress(actor).orElse(""));
        model.addAttribute("zone", zoneOf(actor));
        return "message/inbox";
    }

    @GetMapping("/messages/{id}")
    String message(@PathVariable UUID id, Model model) {
        Actor actor = currentActor.require();
        model.addAttribute("message", messages.open(actor, id));
        // the navigation's unread count was taken before this message was marked read
        model.addAttribute("unreadMessages", messages.unreadCount(actor) + threads.unreadCount(actor));
        model.addAttribute("patient", "PATIENT".equals(actor.role()));
        model.addAttribute("zone", zoneOf(actor));
        return "message/message";
    }

    @PostMapping("/messages/{id}/acknowledgement")
    String acknowledge(@PathVariable UUID id) {
        messages.acknowledge(currentActor.require(), id);
        return "redirect:/messages/" + id + "?acknowledged";
    }

    @PostMapping("/messages/mail-address")
    String mailAddress(@RequestParam(required = false) @Nullable String address, Model model) {
        Actor actor = currentActor.require();
        try {
            messages.setMailAddress(actor, address == null ? "" : address);
        } catch (InvalidInputException e) {
            model.addAttribute("addressError", true);
            addThreads(actor, ThreadFilter.OPEN, model);
            model.addAttribute("messages", messages.inbox(actor));
            model.addAttribute("patient", "PATIENT".equals(actor.role()));
            model.addAttribute("mailAddress", address == null ? "" : address);
            model.addAttribute("zone", zoneOf(actor));
            return "message/inbox";
        }
        return "redirect:/messages?addressSaved";
    }
}
