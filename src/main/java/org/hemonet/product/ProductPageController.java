package org.hemonet.product;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.shared.Actor;
import org.hemonet.shared.ConflictException;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The catalogue page for staff; the network administrator also adds products and withdraws them there (issue 13), with
 * the same checks as {@code POST /api/v1/products}.
 */
@Controller
class ProductPageController {

    private final ProductCatalogue catalogue;
    private final CurrentActor currentActor;
    private final Clock clock;

    ProductPageController(ProductCatalogue catalogue, CurrentActor currentActor, Clock clock) {
        this.catalogue = catalogue;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @GetMapping("/products")
    @PreAuthorize("!hasRole('PATIENT')")
    String products(@RequestParam(required = false) @Nullable String done, Model model) {
        return show(Map.of(), null, null, done, model);
    }

    @PostMapping("/products")
    @PreAuthorize("hasRole('ADMIN')")
    String add(@RequestParam Map<String, String> form, Model model) {
        try {
            UUID id = catalogue.add(new NewProduct(
                    UUID.randomUUID(),
                    text(form, "genericName"),
                    text(form, "brandName"),
                    text(form, "manufacturer"),
                    enumOf(ProductClass.class, form.get("productClass"), "productClass"),
                    enumOf(DoseUnit.class, form.get("unit"), "unit"),
                    sizes(form.get("vialSizes")),
                    number(form.get("recovery"), "recovery"),
                    number(form.get("recoveryUnder12"), "recoveryUnder12"),
                    blankToNull(form.get("pkModelId")),
                    number(form.get("concentrationMgPerMl"), "concentrationMgPerMl"),
                    requireNumber(form.get("listPricePerUnit"), "listPricePerUnit")));
            return "redirect:/products?done=added#product-" + id;
        } catch (InvalidInputException e) {
            return show(form, e.field() == null ? "genericName" : e.field(), e.getMessage(), null, model);
        }
    }

    @PostMapping("/products/withdrawal")
    @PreAuthorize("hasRole('ADMIN')")
    String withdraw(
            @RequestParam("productId") UUID id, @RequestParam(required = false) @Nullable String reason, Model model) {
        try {
            catalogue.withdraw(
                    id, reason == null ? "" : reason, currentActor.require().username(), clock.instant());
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (InvalidInputException e) {
            model.addAttribute("withdrawError", id);
            return show(Map.of(), null, null, null, model);
        } catch (ConflictException e) {
            return "redirect:/products";
        }
        return "redirect:/products?done=withdrawn#product-" + id;
    }

    private String show(
            Map<String, String> form,
            @Nullable String errorField,
            @Nullable String errorMessage,
            @Nullable String done,
            Model model) {
        Actor actor = currentActor.require();
        model.addAttribute("products", catalogue.products());
        model.addAttribute("mayMaintain", Role.ADMIN.name().equals(actor.role()));
        model.addAttribute("classes", ProductClass.values());
        model.addAttribute("units", DoseUnit.values());
        model.addAttribute("form", form);
        model.addAttribute("errorField", errorField);
        model.addAttribute("errorMessage", errorMessage);
        model.addAttribute("done", "added".equals(done) || "withdrawn".equals(done) ? done : null);
        if (!model.containsAttribute("withdrawError")) {
            model.addAttribute("withdrawError", null);
        }
        return "product/list";
    }

    private static String text(Map<String, String> form, String field) {
        String value = blankToNull(form.get(field));
        if (value == null) {
            throw new InvalidInputException(field, "Required.");
        }
        return value;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, @Nullable String value, String field) {
        try {
            return Enum.valueOf(type, value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "Choose one.");
        }
    }

    private static List<Integer> sizes(@Nullable String value) {
        List<Integer> sizes = new ArrayList<>();
        if (value != null) {
            for (String part : value.split("[,\\s]+")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    sizes.add(Integer.valueOf(part.strip()));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("vialSizes", "Vial sizes are whole numbers, comma-separated.");
                }
            }
        }
        return sizes;
    }

    private static @Nullable BigDecimal number(@Nullable String value, String field) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "Enter a number.");
        }
    }

    private static BigDecimal requireNumber(@Nullable String value, String field) {
        BigDecimal n = number(value, field);
        if (n == null) {
            throw new InvalidInputException(field, "Required.");
        }
        return n;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
