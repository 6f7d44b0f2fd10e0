package org.hemonet.message.internal;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.hemonet.centre.NetworkSettings;
import org.hemonet.message.MessageThread;
import org.hemonet.message.Messages;
import org.hemonet.message.ThreadSide;
import org.hemonet.message.Threads;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.shared.Actor;
import org.hemonet.shared.ContentTooLargeException;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.UnsupportedContentException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The conversation pages (issue 16), phone-first: a new message (a parent picks the child it is about), a thread with
 * its messages, a reply box and a file, and for staff the assignment and "done". A thread the reader may not see is
 * the same 404 page as an unknown one.
 */
@Controller
class ThreadPageController {

    private final Threads threads;
    private final Messages messages;
    private final PatientRegistry patients;
    private final CurrentActor currentActor;
    private final ZoneId networkZone;

    ThreadPageController(
            Threads threads,
            Messages messages,
            PatientRegistry patients,
            CurrentActor currentActor,
            NetworkSettings network) {
        this.threads = threads;
        this.messages = messages;
        this.patients = patients;
        this.currentActor = currentActor;
        this.networkZone = network.timeZone();
    }

    @GetMapping("/messages/threads/new")
    String newThread(@RequestParam(required = false) @Nullable UUID patient, Model model) {
        Actor actor = currentActor.require();
        return newForm(actor, patient, "", "", null, model);
    }

    @PostMapping("/messages/threads")
    String start(
            @RequestParam(required = false) @Nullable UUID patient,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(required = false) @Nullable MultipartFile file,
            Model model)
            throws IOException {
        Actor actor = currentActor.require();
        if (patient == null) {
            return newForm(actor, null, subject, body, "patient", model);
        }
        MessageThread thread;
        try {
            thread = threads.start(actor, patient, subject, body);
        } catch (InvalidInputException e) {
            return newForm(actor, patient, subject, body, e.field(), model);
        }
        return "redirect:/messages/threads/" + thread.id() + attach(actor, thread.id(), file);
    }

    @GetMapping("/messages/threads/{id}")
    String thread(@PathVariable UUID id, Model model) {
        Actor actor = currentActor.require();
        MessageThread thread = threads.open(actor, id);
        boolean staff = !"PATIENT".equals(actor.role());
        model.addAttribute("thread", thread);
        model.addAttribute("staff", staff);
        model.addAttribute("mySide", staff ? ThreadSide.TEAM : ThreadSide.PATIENT);
        model.addAttribute("colleagues", threads.colleagues(actor, thread));
        model.addAttribute("helpLines", threads.helpLines(actor));
        model.addAttribute("zone", zoneOf(actor));
        // the navigation's unread count was taken before this thread was marked read
        model.addAttribute("unreadMessages", messages.unreadCount(actor) + threads.unreadCount(actor));
        return "message/thread";
    }

    @PostMapping("/messages/threads/{id}/messages")
    String reply(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(required = false) @Nullable MultipartFile file)
            throws IOException {
        Actor actor = currentActor.require();
        boolean hasFile = file != null && !file.isEmpty();
        if (!body.isBlank()) {
            threads.reply(actor, id, body);
        } else if (!hasFile) {
            return "redirect:/messages/threads/" + id + "?empty#reply";
        }
        String outcome = attach(actor, id, file);
        return "redirect:/messages/threads/" + id + (outcome.isEmpty() ? "?sent" : outcome) + "#reply";
    }

    @PostMapping("/messages/threads/{id}/assignment")
    String assign(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID assignedTo) {
        threads.assign(currentActor.require(), id, assignedTo);
        return "redirect:/messages/threads/" + id + "?assigned";
    }

    @PostMapping("/messages/threads/{id}/done")
    String done(@PathVariable UUID id) {
        threads.markDone(currentActor.require(), id);
        return "redirect:/messages?done";
    }

    @GetMapping("/messages/threads/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        return ThreadApiController.download(threads.attachment(currentActor.require(), id, attachmentId));
    }

    /** Attaches the file if one was chosen; the query string telling the page what became of it. */
    private String attach(Actor actor, UUID threadId, @Nullable MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            return "";
        }
        try {
            threads.attach(actor, threadId, file.getOriginalFilename(), file.getBytes());
            return "";
        } catch (UnsupportedContentException e) {
            return "?fileRefused=type";
        } catch (ContentTooLargeException e) {
            return "?fileRefused=size";
        } catch (InvalidInputException e) {
            return "?fileRefused=damaged";
        }
    }

    private String newForm(
            Actor actor,
            @Nullable UUID patient,
            String subject,
            String body,
            @Nullable String errorField,
            Model model) {
        if (!"PATIENT".equals(actor.role())) {
            throw new org.hemonet.shared.NotFoundException(Threads.RESOURCE);
        }
        List<PatientSummary> held = patients.heldBy(actor);
        model.addAttribute("held", held);
        model.addAttribute(
                "chosen",
                patient != null ? patient : held.size() == 1 ? held.get(0).id() : null);
        model.addAttribute("subject", subject);
        model.addAttribute("body", body);
        model.addAttribute("errorField", errorField);
        model.addAttribute("helpLines", threads.helpLines(actor));
        return "message/thread-new";
    }

    private ZoneId zoneOf(Actor actor) {
        return actor.patientIds().stream()
                .sorted()
                .findFirst()
                .flatMap(patients::zoneOf)
                .orElse(networkZone);
    }
}
