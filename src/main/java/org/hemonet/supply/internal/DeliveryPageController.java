package org.hemonet.supply.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hemonet.centre.Centre;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.identity.Role;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.shared.Actor;
import org.hemonet.shared.ConflictException;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.hemonet.shared.StaleVersionException;
import org.hemonet.supply.Delivery;
import org.hemonet.supply.DeliveryStatus;
import org.hemonet.supply.DeliveryWindow;
import org.hemonet.supply.HomeStock;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The centre delivery list for centre staff ({@code /deliveries}: upcoming and recent deliveries of the centre's
 * patients, schedule, mark delivered or failed) and the delivery provider's run ({@code /provider/deliveries}: only
 * name, address, date, window, items and reference — no clinical data).
 */
@Controller
class DeliveryPageController {

    private final HomeStock homeStock;
    private final ProductCatalogue catalogue;
    private final CentreDirectory centres;
    private final CurrentActor currentActor;
    private final Clock clock;

    DeliveryPageController(
            HomeStock homeStock,
            ProductCatalogue catalogue,
            CentreDirectory centres,
            CurrentActor currentActor,
            Clock clock) {
        this.homeStock = homeStock;
        this.catalogue = catalogue;
        this.centres = centres;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @GetMapping("/deliveries")
    String centreList(
            @RequestParam(required = false) @Nullable UUID centre,
            @RequestParam(required = false) @Nullable DeliveryStatus status,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        Actor actor = currentActor.require();
        Role role = Role.of(actor.role());
        if (!role.isCentreStaff()) {
            throw new AccessDeniedException("centre staff only");
        }
        List<Centre> mine = actor.centreIds().stream()
                .map(centres::centre)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(Centre::name))
                .toList();
        if (mine.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        UUID selected = centre != null && actor.centreIds().contains(centre)
                ? centre
                : mine.get(0).id();
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from == null ? today.minusDays(7) : from;
        LocalDate end = to == null ? start.plusDays(35) : to;
        List<Delivery> deliveries;
        try {
            deliveries = homeStock.centreDeliveries(actor, selected, start, end, status);
        } catch (InvalidInputException e) {
            model.addAttribute("filterError", true);
            end = start.plusDays(35);
            deliveries = homeStock.centreDeliveries(actor, selected, start, end, status);
        }
        model.addAttribute("centres", mine);
        model.addAttribute("centre", selected);
        model.addAttribute("status", status);
        model.addAttribute("statuses", DeliveryStatus.values());
        model.addAttribute("windows", DeliveryWindow.values());
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("today", today);
        model.addAttribute("deliveries", deliveries);
        model.addAttribute("products", products());
        model.addAttribute("mayAct", role == Role.CLINICIAN || role == Role.NURSE);
        return "supply/deliveries";
    }

    @PostMapping("/deliveries/{id}/schedule")
    String schedule(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate scheduledFor,
            @RequestParam(required = false) @Nullable DeliveryWindow window,
            @RequestParam(required = false) @Nullable String address,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestParam(required = false) @Nullable String back) {
        return act(back, () -> homeStock.schedule(currentActor.require(), id, scheduledFor, window, address, version));
    }

    @PostMapping("/deliveries/{id}/delivered")
    String delivered(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestParam(required = false) @Nullable String back) {
        return act(back, () -> homeStock.delivered(currentActor.require(), id, version));
    }

    @PostMapping("/deliveries/{id}/failed")
    String failed(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestParam(required = false) @Nullable String back) {
        return act(back, () -> homeStock.failed(currentActor.require(), id, version, reason == null ? "" : reason));
    }

    @GetMapping("/provider/deliveries")
    String providerRun(
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        Actor actor = currentActor.require();
        LocalDate day = date == null ? LocalDate.now(clock) : date;
        model.addAttribute("date", day);
        model.addAttribute("previous", day.minusDays(1));
        model.addAttribute("next", day.plusDays(1));
        model.addAttribute("deliveries", homeStock.providerDeliveries(actor, day));
        return "supply/provider-deliveries";
    }

    @PostMapping("/provider/deliveries/{id}/delivered")
    String providerDelivered(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return act(providerBack(date), () -> homeStock.delivered(currentActor.require(), id, version));
    }

    @PostMapping("/provider/deliveries/{id}/failed")
    String providerFailed(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return act(
                providerBack(date),
                () -> homeStock.failed(currentActor.require(), id, version, reason == null ? "" : reason));
    }

    private static String providerBack(@Nullable LocalDate date) {
        return "/provider/deliveries" + (date == null ? "" : "?date=" + date);
    }

    /** Runs an action and returns to {@code back} (a local path only) with a notice: done, invalid, or outdated. */
    private String act(@Nullable String back, Runnable action) {
        String target = back != null && back.startsWith("/") && !back.startsWith("//") ? back : "/deliveries";
        String outcome;
        try {
            action.run();
            outcome = "done";
        } catch (InvalidInputException e) {
            outcome = "invalid";
        } catch (ConflictException | StaleVersionException e) {
            outcome = "outdated";
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:"
                + UriComponentsBuilder.fromUriString(target)
                        .replaceQueryParam("outcome", outcome)
                        .build()
                        .toUriString();
    }

    private Map<UUID, Product> products() {
        return catalogue.products().stream().collect(Collectors.toMap(Product::id, Function.identity()));
    }
}
