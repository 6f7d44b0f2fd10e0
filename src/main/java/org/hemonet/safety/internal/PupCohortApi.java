package org.hemonet.safety.internal;

import java.util.UUID;
import org.hemonet.safety.PupCohorts;
import org.hemonet.shared.CurrentActor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/safety/pups?productClass=FVIII} (or {@code ?productId=}; optionally {@code &centreId=}), issue 13:
 * the previously untreated patients of a product class, or those whose first exposure was to one product, and the
 * cumulative incidence of inhibitors at ED 20, 50 and 150 with the numbers at risk; see {@link PupCohorts} for the
 * definitions and who sees what. Every figure is a string: {@code *} where disclosure control suppressed it, {@code –}
 * where it is not estimable.
 */
@RestController
class PupCohortApi {

    private final PupCohorts cohorts;
    private final CurrentActor currentActor;

    PupCohortApi(PupCohorts cohorts, CurrentActor currentActor) {
        this.cohorts = cohorts;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/v1/safety/pups")
    ResponseEntity<PupCohorts.Cohort> pups(
            @RequestParam(required = false) @Nullable String productClass,
            @RequestParam(required = false) @Nullable UUID productId,
            @RequestParam(required = false) @Nullable UUID centreId) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(cohorts.cohort(currentActor.require(), productClass, productId, centreId));
    }
}
