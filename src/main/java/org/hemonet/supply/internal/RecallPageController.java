package org.hemonet.supply.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hemonet.identity.Role;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.hemonet.supply.BatchRecalls;
import org.hemonet.supply.Recall;
import org.hemonet.supply.RecallLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The staff pages of batch recalls (issue 5): every recall, a recall with the affected patients of the reader's
 * centres (other centres as counts) and the alerts of infusions logged from a recalled batch, a form for clinicians,
 * nurses and network analysts to raise a recall, and the centre's acknowledgement. Network analysts see every reached
 * patient as a pseudonym (see {@link BatchRecalls}), as in the API.
 */
@Controller
class RecallPageController {

    private final BatchRecalls recalls;
    private final ProductCatalogue catalogue;
    private final CurrentActor currentActor;

    private final java.time.ZoneId networkZone;

    RecallPageController(
            BatchRecalls recalls,
            ProductCatalogue catalogue,
            CurrentActor currentActor,
            org.hemonet.centre.NetworkSettings network) {
        this.networkZone = network.timeZone();
        this.recalls = recalls;
        this.catalogue = catalogue;
        this.currentActor = currentActor;
    }

    /** The recall form; field names match {@link RecallApiController.RecallRequest}, batches comma-separated. */
    record RecallForm(
            @Nullable UUID productId,
            @Nullable String batchNumbers,
            @Nullable String reason,
            @Nullable RecallLevel level) {}

    /**
     * The recalls and the form; the form may come pre-filled ({@code productId}, {@code batchNumbers}, {@code reason}),
     * as the safety module's event page links here for a serious event with a batch number (issue 13). Nothing is
     * issued until the person checks the form and submits it.
     */
    @GetMapping("/recalls")
    String list(
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable UUID productId,
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable String batchNumbers,
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable String reason,
            Model model) {
        String batches = batchNumbers == null || batchNumbers.length() > 200 ? null : batchNumbers;
        String why = reason == null || reason.length() > 2000 ? null : reason;
        model.addAttribute("prefilled", productId != null && batches != null);
        return show(new RecallForm(productId, batches, why, RecallLevel.PATIENT), null, model);
    }

    @PostMapping("/recalls")
    String issue(@ModelAttribute RecallForm form, Model model) {
        Actor actor = currentActor.require();
        try {
            List<String> batches = form.batchNumbers() == null
                    ? List.of()
                    : Arrays.stream(form.batchNumbers().split(","))
                            .map(String::strip)
                            .filter(b -> !b.isEmpty())
                            .toList();
            Recall recall = recalls.issue(actor, form.productId(), batches, form.reason(), form.level());
            return "redirect:/recalls/" + recall.id() + "?issued";
        } catch (InvalidInputException e) {
            String field = e.field() == null ? "batchNumbers" : e.field().replaceFirst("\\[\\d+]$", "");
            return show(form, field, model);
        }
    }

    @GetMapping("/recalls/{id}")
    String recall(@PathVariable UUID id, Model model) {
        Actor actor = currentActor.require();
        Recall recall;
        BatchRecalls.RecallAlerts alerts;
        try {
            recall = recalls.recall(actor, id);
            alerts = recalls.alerts(actor, id);
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("recall", recall);
        model.addAttribute("product", catalogue.find(recall.productId()).orElse(null));
        model.addAttribute("alerts", alerts);
        model.addAttribute("staff", Role.of(actor.role()).isCentreStaff());
        model.addAttribute("analyst", Role.of(actor.role()) == Role.NETWORK_ANALYST);
        model.addAttribute("zone", networkZone);
        return "supply/recall";
    }

    /** A clinician or nurse acknowledges the recall for their centre. */
    @PostMapping("/recalls/{id}/centres/{centreId}/acknowledgement")
    String acknowledgeCentre(@PathVariable UUID id, @PathVariable UUID centreId) {
        try {
            recalls.acknowledgeCentre(currentActor.require(), id, centreId);
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/recalls/" + id + "?acknowledged";
    }

    private String show(RecallForm form, @Nullable String errorField, Model model) {
        Actor actor = currentActor.require();
        model.addAttribute("recalls", recalls.recalls(actor));
        Role role = Role.of(actor.role());
        model.addAttribute("mayIssue", role == Role.CLINICIAN || role == Role.NURSE || role == Role.NETWORK_ANALYST);
        List<Product> products = catalogue.products().stream()
                .sorted(Comparator.comparing(Product::brandName))
                .toList();
        model.addAttribute("products", products);
        Map<UUID, Product> byId = products.stream().collect(Collectors.toMap(Product::id, Function.identity()));
        model.addAttribute("productsById", byId);
        model.addAttribute("levels", RecallLevel.values());
        model.addAttribute("form", form);
        model.addAttribute("errorField", errorField);
        model.addAttribute("zone", networkZone);
        return "supply/recalls";
    }
}
