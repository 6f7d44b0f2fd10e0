package org.hemonet.diary;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hemonet.diary.internal.DiaryQueries;
import org.hemonet.shared.Actor;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The diary's input rules: a bleed or infusion request becomes an entry only when every field holds (each refusal
 * names its field, with the sync batch's path as prefix), times are not in the future beyond the phone's clock skew,
 * doses are within bounds and name a real product and batch.
 */
@Component
class DiaryEntryRules {

    private final DiaryQueries queries;
    private final ProductCheck productCheck;
    private final Clock clock;

    DiaryEntryRules(DiaryQueries queries, ProductCheck productCheck, Clock clock) {
        this.queries = queries;
        this.productCheck = productCheck;
        this.clock = clock;
    }

    /** Phones' clocks run a little fast; an entry up to this far in the future is taken as "now". */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    static final BigDecimal MAX_DOSE_IU = new BigDecimal("50000");
    static final BigDecimal MAX_DOSE_MG = new BigDecimal("3000");

    Bleed bleedOf(Actor actor, UUID patientId, UUID id, BleedRequest r, String prefix) {
        Instant startedAt = notFuture(require(r.startedAt(), prefix + "startedAt"), prefix + "startedAt");
        BleedSite site = require(r.site(), prefix + "site");
        BleedCause cause = r.cause() == null ? BleedCause.UNKNOWN : r.cause();
        if (r.pain() != null && (r.pain() < 0 || r.pain() > 10)) {
            throw new InvalidInputException(prefix + "pain", "Pain is a number from 0 to 10.");
        }
        int school = daysLost(r.daysLostSchool(), prefix + "daysLostSchool");
        int work = daysLost(r.daysLostWork(), prefix + "daysLostWork");
        String note = text(r.note(), 2000, prefix + "note");
        Instant now = clock.instant();
        return new Bleed(
                id,
                patientId,
                startedAt,
                site,
                cause,
                r.pain(),
                Boolean.TRUE.equals(r.jointImmobilising()),
                school,
                work,
                note,
                now,
                actor.username(),
                null,
                null,
                null);
    }

    /**
     * The infusion a request describes, checked; {@code newUseOfProduct}: the request logs the product anew (a new
     * entry, or a correction that changes the product), which a withdrawn product refuses (issue 13).
     */
    Infusion infusionOf(
            Actor actor,
            UUID patientId,
            UUID id,
            InfusionRequest r,
            String prefix,
            Set<UUID> bleedsInBatch,
            boolean newUseOfProduct) {
        return infusionOf(actor, patientId, id, r, prefix, bleedsInBatch, newUseOfProduct, productCheck);
    }

    /** As above, asking {@code productCheck} (for a sync: {@link #remembering} the catalogue's answers). */
    Infusion infusionOf(
            Actor actor,
            UUID patientId,
            UUID id,
            InfusionRequest r,
            String prefix,
            Set<UUID> bleedsInBatch,
            boolean newUseOfProduct,
            ProductCheck productCheck) {
        Instant at = notFuture(require(r.administeredAt(), prefix + "administeredAt"), prefix + "administeredAt");
        UUID productId = require(r.productId(), prefix + "productId");
        if (newUseOfProduct && productCheck.isWithdrawn(productId)) {
            throw new InvalidInputException(
                    prefix + "productId", "This product has been withdrawn; it can no longer be logged.");
        }
        InfusionReason reason = require(r.reason(), prefix + "reason");
        if (r.doseIu() != null && r.doseMg() != null) {
            throw new InvalidInputException(prefix + "doseMg", "Give the dose in IU or in mg, not both.");
        }
        DoseUnit unit = r.doseMg() != null ? DoseUnit.MG : DoseUnit.IU;
        BigDecimal dose = unit == DoseUnit.MG ? r.doseMg() : require(r.doseIu(), prefix + "doseIu");
        String doseField = prefix + (unit == DoseUnit.MG ? "doseMg" : "doseIu");
        BigDecimal max = unit == DoseUnit.MG ? MAX_DOSE_MG : MAX_DOSE_IU;
        if (dose.signum() <= 0 || dose.compareTo(max) > 0) {
            throw new InvalidInputException(
                    doseField, "The dose must be more than 0 and at most " + max.toPlainString() + " " + unit + ".");
        }
        if (dose.scale() > 2) {
            throw new InvalidInputException(doseField, "The dose has at most 2 decimals.");
        }
        String batch = text(r.batchNumber(), 64, prefix + "batchNumber");
        if (r.bleedId() != null) {
            if (reason != InfusionReason.BLEED) {
                throw new InvalidInputException(prefix + "bleedId", "Only an infusion for a bleed names a bleed.");
            }
            boolean known = bleedsInBatch.contains(r.bleedId())
                    || queries.bleed(r.bleedId())
                            .filter(b -> b.patientId().equals(patientId) && !b.isVoided())
                            .isPresent();
            if (!known) {
                throw new InvalidInputException(prefix + "bleedId", "No bleed of this patient with this id.");
            }
        }
        productCheck.check(productId, unit, batch).ifPresent(problem -> {
            throw new InvalidInputException(prefix + problem.field(), problem.message());
        });
        return new Infusion(
                id,
                patientId,
                at,
                productId,
                batch,
                dose,
                unit,
                reason,
                r.bleedId(),
                text(r.givenBy(), 200, prefix + "givenBy"),
                text(r.note(), 2000, prefix + "note"),
                clock.instant(),
                actor.username(),
                null,
                null,
                null);
    }

    /**
     * This rule's product check, remembering each answer for the life of the returned object: one sync batch asks the
     * catalogue once per distinct product and batch instead of once per entry (issue 14). The answers are the
     * catalogue's at the time of the request, as they would be entry by entry.
     */
    ProductCheck remembering() {
        ProductCheck check = this.productCheck;
        Map<List<Object>, Optional<ProductProblem>> problems = new HashMap<>();
        Map<UUID, Boolean> withdrawn = new HashMap<>();
        return new ProductCheck() {
            @Override
            public Optional<ProductProblem> check(UUID productId, DoseUnit unit, @Nullable String batchNumber) {
                return problems.computeIfAbsent(
                        Arrays.asList(productId, unit, batchNumber), k -> check.check(productId, unit, batchNumber));
            }

            @Override
            public boolean isWithdrawn(UUID productId) {
                return withdrawn.computeIfAbsent(productId, check::isWithdrawn);
            }
        };
    }

    private Instant notFuture(Instant t, String field) {
        if (t.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw new InvalidInputException(field, "The time is in the future.");
        }
        return t;
    }

    private static int daysLost(@Nullable Integer days, String field) {
        if (days == null) {
            return 0;
        }
        if (days < 0 || days > 366) {
            throw new InvalidInputException(field, "Days lost is a number from 0 to 366.");
        }
        return days;
    }

    static String voidReason(VoidRequest request) {
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty() || reason.length() > 500) {
            throw new InvalidInputException("reason", "Say why the entry is voided (up to 500 characters).");
        }
        return noNul(reason, "reason");
    }

    /**
     * PostgreSQL text cannot hold the NUL character (U+0000): stored, it failed as a 500 (found by DiarySyncFuzzTest);
     * refused here with the field named.
     */
    static String noNul(String value, String field) {
        if (value.indexOf('\u0000') >= 0) {
            throw new InvalidInputException(
                    field, "The text contains a NUL character (U+0000), which cannot be stored.");
        }
        return value;
    }

    static @Nullable String text(@Nullable String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidInputException(field, "At most " + max + " characters.");
        }
        return noNul(stripped, field);
    }

    static String correctionReason(@Nullable String value) {
        String reason = value == null ? "" : value.strip();
        if (reason.isEmpty() || reason.length() > 500) {
            throw new InvalidInputException("reason", "Say why the entry is corrected (up to 500 characters).");
        }
        return noNul(reason, "reason");
    }

    static <T> T require(@Nullable T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "This field is required.");
        }
        return value;
    }
}
