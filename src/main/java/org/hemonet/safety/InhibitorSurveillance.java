package org.hemonet.safety;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hemonet.diary.BleedDiary;
import org.hemonet.diary.DoseUnit;
import org.hemonet.diary.Infusion;
import org.hemonet.patient.InhibitorConfirmed;
import org.hemonet.patient.PreviouslyUntreatedPatients;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.safety.internal.SurveillanceQueries;
import org.hemonet.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Inhibitor surveillance (issue 13, clinical.md §2, §9): when the registry confirms a new inhibitor (two positive samples
 * on different days, {@link InhibitorConfirmed}), files an {@code INHIBITOR} adverse event in {@code DRAFT} for a
 * clinician to confirm, reported by "Inhibitor surveillance". The event begins on the day of the first positive sample
 * and names the product (and batch) last infused before it: the latest living infusion of a concentrate of the
 * inhibitor's factor (FVIII or FIX) on an earlier calendar day in the patient's time zone (a sample's time of day is not
 * recorded, so an infusion on the day of the sample is not known to precede it).
 *
 * <p>Once per new inhibitor: a draft already filed for the patient and onset (even voided) is left alone, and a
 * unique index stops a second one when two announcements race. The listener runs after the test's transaction commits,
 * in a transaction of its own.
 */
@Component
class InhibitorSurveillance {

    /** The reporter of surveillance drafts, as the report's pages show it. */
    static final Actor SURVEILLANCE = new Actor(
            UUID.nameUUIDFromBytes("hemonet:inhibitor-surveillance".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            "Inhibitor surveillance",
            "SYSTEM",
            Set.of(),
            Set.of());

    private static final Logger log = LoggerFactory.getLogger(InhibitorSurveillance.class);

    private final AdverseEvents events;
    private final PreviouslyUntreatedPatients patients;
    private final BleedDiary diary;
    private final ProductCatalogue products;
    private final SurveillanceQueries queries;

    /** The network's time zone (hemonet.network.time-zone): its calendar years and quarters. */
    private final java.time.ZoneId networkZone;

    InhibitorSurveillance(
            AdverseEvents events,
            PreviouslyUntreatedPatients patients,
            BleedDiary diary,
            ProductCatalogue products,
            SurveillanceQueries queries,
            org.hemonet.centre.NetworkSettings network) {
        this.networkZone = network.timeZone();
        this.events = events;
        this.patients = patients;
        this.diary = diary;
        this.products = products;
        this.queries = queries;
    }

    @ApplicationModuleListener
    void on(InhibitorConfirmed confirmed) {
        fileDraft(confirmed);
    }

    /** Files the draft unless one exists for this inhibitor; returns whether it filed one. */
    boolean fileDraft(InhibitorConfirmed confirmed) {
        if (queries.surveillanceDraftExists(confirmed.patientId(), confirmed.firstPositiveOn())) {
            return false;
        }
        ZoneId zone = patients.surveillanceFacts(confirmed.patientId())
                .map(PreviouslyUntreatedPatients.SurveillanceFacts::zone)
                .orElse(networkZone);
        Optional<Infusion> last = lastInfusionBefore(confirmed, zone);
        String narrative =
                "Inhibitor surveillance: positive Bethesda samples against %s on %s and %s (%s BU; positive at %s BU or more). %s Confirm the details and submit the report, or void it with the reason."
                        .formatted(
                                confirmed.factor(),
                                confirmed.firstPositiveOn(),
                                confirmed.confirmedOn(),
                                confirmed.titreBu().toPlainString(),
                                confirmed.thresholdBu().toPlainString(),
                                last.map(i -> "The product last infused before the first positive sample was given on "
                                                + LocalDate.ofInstant(i.administeredAt(), zone)
                                                + ".")
                                        .orElse("No infusion of a " + confirmed.factor()
                                                + " concentrate before the first positive sample is in the diary."));
        try {
            events.raiseDraft(
                    SURVEILLANCE,
                    confirmed.patientId(),
                    AdverseEventCategory.INHIBITOR,
                    confirmed.firstPositiveOn(),
                    last.map(Infusion::productId).orElse(null),
                    last.map(Infusion::batchNumber).orElse(null),
                    narrative,
                    AdverseEventSource.INHIBITOR_SURVEILLANCE);
            return true;
        } catch (DuplicateKeyException e) {
            log.info("An inhibitor surveillance draft for this inhibitor was already filed");
            return false;
        }
    }

    private Optional<Infusion> lastInfusionBefore(InhibitorConfirmed confirmed, ZoneId zone) {
        Instant sampleDayStarts = confirmed.firstPositiveOn().atStartOfDay(zone).toInstant();
        return diary.entriesOf(confirmed.patientId()).infusions().stream()
                .filter(i -> !i.isVoided() && i.unit() == DoseUnit.IU)
                .filter(i -> i.administeredAt().isBefore(sampleDayStarts))
                .filter(i -> products.find(i.productId())
                        .map(Product::productClass)
                        .map(c -> confirmed.factor().equals(c.factor()))
                        .orElse(false))
                .max(Comparator.comparing(Infusion::administeredAt));
    }
}
