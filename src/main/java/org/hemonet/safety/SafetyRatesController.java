package org.hemonet.safety;

import java.util.List;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/safety/rates?from=2024&to=2025&by=PRODUCT} (issue 13; calendar years, both included): per product,
 * patients treated, treatment-years, events by category and a rate per 1000 TY with the exact Poisson 95 % interval for
 * every category (clinical.md §9), computed by {@link SafetyRates}. Aggregates only: no patient, no narrative. Staff
 * roles only (patients 403). With {@code by=PRODUCT_CLASS} one item per product class ({@code productId} null): a patient
 * treated with two products of one class in a year is one treatment-year of that class.
 */
@RestController
class SafetyRatesController {

    private final SafetyRates rates;
    private final CurrentActor currentActor;

    SafetyRatesController(SafetyRates rates, CurrentActor currentActor) {
        this.rates = rates;
        this.currentActor = currentActor;
    }

    record Items(List<SafetyRates.Item> items) {}

    record Signals(List<SafetyRates.Signal> items) {}

    /**
     * {@code GET /api/v1/safety/signals?from=&to=}: products whose exact 95 % interval for a category lies wholly above
     * the network rate of their class for that category (issue 13). Aggregates only; staff roles only.
     */
    @GetMapping("/api/v1/safety/signals")
    Signals signals(@RequestParam int from, @RequestParam int to) {
        return new Signals(rates.signals(currentActor.require(), from, to));
    }

    @GetMapping("/api/v1/safety/rates")
    Items rates(@RequestParam int from, @RequestParam int to, @RequestParam(defaultValue = "PRODUCT") String by) {
        var actor = currentActor.require();
        SafetyRates.Grouping grouping;
        try {
            grouping = SafetyRates.Grouping.valueOf(by);
        } catch (IllegalArgumentException e) {
            if (!rates.maySee(actor)) {
                throw new org.springframework.security.access.AccessDeniedException("staff only");
            }
            throw new InvalidInputException("by", "Group by PRODUCT or PRODUCT_CLASS.");
        }
        return new Items(rates.rates(actor, from, to, grouping));
    }
}
