package org.hemonet.pathway.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.hemonet.pathway.EmergencyAccess;
import org.hemonet.pathway.EmergencyGrant;
import org.hemonet.pathway.EmergencySummary;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.QrCodes;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The emergency card on the phone (the patient, a parent for each child, or the centre team) with "Show to A&E", which
 * makes a time-limited link and its QR code; and the emergency view that link opens without signing in.
 */
@Controller
class EmergencyPageController {

    private final EmergencyAccess emergency;
    private final PatientRegistry patients;
    private final CurrentActor currentActor;
    private final java.time.Clock clock;

    EmergencyPageController(
            EmergencyAccess emergency, PatientRegistry patients, CurrentActor currentActor, java.time.Clock clock) {
        this.clock = clock;
        this.emergency = emergency;
        this.patients = patients;
        this.currentActor = currentActor;
    }

    @GetMapping("/emergency-card")
    String card(@RequestParam(name = "patient", required = false) @Nullable UUID patientId, Model model) {
        Actor actor = currentActor.require();
        UUID chosen = patientId;
        if (chosen == null) {
            List<PatientSummary> held = patients.heldBy(actor);
            if (held.size() != 1) {
                model.addAttribute("records", held);
                return "pathway/choose";
            }
            chosen = held.get(0).id();
        }
        EmergencySummary summary = emergency.card(actor, chosen);
        List<EmergencyGrant> grants = emergency.grants(actor, chosen);
        model.addAttribute("card", summary);
        model.addAttribute("grants", grants);
        model.addAttribute("now", clock.instant());
        model.addAttribute("zone", patients.zoneOf(chosen).orElse(java.time.ZoneOffset.UTC));
        if (model.getAttribute("link") instanceof String link) {
            model.addAttribute("qr", QrCodes.svgDataUri(link));
        }
        return "pathway/card";
    }

    /** "Show to A&E": a new link, shown once on the page with its QR code (flash, not in the address bar). */
    @PostMapping("/emergency-card/access")
    String grant(@RequestParam("patient") UUID patientId, RedirectAttributes redirect) {
        EmergencyGrant grant = emergency.grant(currentActor.require(), patientId);
        String link = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(grant.path())
                .toUriString();
        redirect.addFlashAttribute("link", link);
        redirect.addFlashAttribute("linkExpires", grant.expiresAt());
        return "redirect:/emergency-card?patient=" + patientId + "#show";
    }

    @PostMapping("/emergency-card/access/{grantId}/revoke")
    String revoke(@PathVariable UUID grantId, @RequestParam("patient") UUID patientId) {
        emergency.revoke(currentActor.require(), grantId);
        return "redirect:/emergency-card?patient=" + patientId + "&revoked";
    }

    /** The emergency view: no session needed; 410 with an explanation once the link has expired or was revoked. */
    @GetMapping(EmergencyAccess.VIEW_PATH + "{token}")
    String view(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        var opened = emergency.open(token);
        if (opened.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("reason", "unknown");
            return "pathway/gone";
        }
        if (!opened.get().valid()) {
            response.setStatus(HttpServletResponse.SC_GONE);
            model.addAttribute("reason", opened.get().grant().revokedAt() != null ? "revoked" : "expired");
            return "pathway/gone";
        }
        model.addAttribute("card", opened.get().summary());
        model.addAttribute("expiresAt", opened.get().grant().expiresAt());
        model.addAttribute(
                "zone", patients.zoneOf(opened.get().grant().patientId()).orElse(java.time.ZoneOffset.UTC));
        return "pathway/view";
    }
}
