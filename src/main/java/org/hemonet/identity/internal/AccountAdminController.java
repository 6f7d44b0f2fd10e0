package org.hemonet.identity.internal;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.identity.Account;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.identity.NewAccount;
import org.hemonet.identity.Role;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Account administration for the ADMIN role (security.md §1, §7): create, disable and re-assign accounts. */
@Controller
@RequestMapping("/admin/accounts")
class AccountAdminController {

    private final AccountAdministration administration;
    private final CentreDirectory centres;

    AccountAdminController(AccountAdministration administration, CentreDirectory centres) {
        this.administration = administration;
        this.centres = centres;
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("centres", centres.centres());
        return "identity/admin-new-account";
    }

    @PostMapping
    String create(
            @RequestParam String username,
            @RequestParam String displayName,
            @RequestParam Role role,
            @RequestParam String password,
            @RequestParam(name = "centreIds", required = false) @Nullable Set<UUID> centreIds,
            @RequestParam(name = "patientId", required = false) @Nullable UUID patientId,
            Model model,
            RedirectAttributes redirect) {
        try {
            Map<UUID, String> patients = patientId == null ? Map.of() : Map.of(patientId, "SELF");
            UUID id = administration.create(new NewAccount(
                    username.trim(),
                    displayName.trim(),
                    role,
                    password,
                    centreIds == null ? Set.of() : centreIds,
                    role == Role.PATIENT ? patients : Map.of(),
                    null));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/accounts/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", e.field());
            model.addAttribute("username", username);
            model.addAttribute("displayName", displayName);
            model.addAttribute("selectedRole", role);
            return newForm(model);
        }
    }

    @GetMapping("/{id}")
    String account(@PathVariable UUID id, Model model) {
        Account account = administration.find(id).orElseThrow(() -> new NotFoundException("account"));
        model.addAttribute("account", account);
        model.addAttribute("roles", Role.values());
        model.addAttribute("centres", centres.centres());
        return "identity/admin-account";
    }

    @PostMapping("/{id}/enabled")
    String setEnabled(@PathVariable UUID id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        administration.find(id).orElseThrow(() -> new NotFoundException("account"));
        administration.setEnabled(id, enabled);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/assignment")
    String reassign(
            @PathVariable UUID id,
            @RequestParam Role role,
            @RequestParam(name = "centreIds", required = false) @Nullable Set<UUID> centreIds,
            Model model,
            RedirectAttributes redirect) {
        administration.find(id).orElseThrow(() -> new NotFoundException("account"));
        try {
            administration.reassign(id, role, centreIds == null ? Set.of() : centreIds);
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
            return account(id, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/accounts/" + id;
    }
}
