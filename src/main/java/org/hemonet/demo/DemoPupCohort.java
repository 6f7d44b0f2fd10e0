package org.hemonet.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.diary.BleedDiary;
import org.hemonet.diary.DoseUnit;
import org.hemonet.diary.Infusion;
import org.hemonet.diary.InfusionReason;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.NewPatient;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.Sex;
import org.hemonet.product.Batch;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.safety.AdverseEvent;
import org.hemonet.safety.AdverseEventCategory;
import org.hemonet.safety.AdverseEventLoads;
import org.hemonet.safety.AdverseEventOutcome;
import org.hemonet.safety.AdverseEventSource;
import org.hemonet.safety.AdverseEventStatus;
import org.hemonet.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo network's PUP cohort (issue 13, docs/demo.md): six previously untreated boys with severe haemophilia A at a
 * centre, each with their first exposures to Octavia (octocog alfa) at 08:00 on a fixed rhythm ending before today,
 * and one (Rowan) with a new inhibitor at exposure day 14 — negative at screening, 1.74 BU on the day of his 14th
 * exposure, 8.00 BU (a high responder) two weeks later — and its INHIBITOR report, filed by inhibitor surveillance and submitted by the
 * centre's haematologist. Deterministic (fixed ids, dates relative to today) and small (about 150 infusions).
 *
 * <p>The cohort's figures (KaplanMeier): EDs 26, 14 (inhibitor), 52, 8, 35 and 21 → at ED 20 incidence 0.200 with 4
 * at risk; at ED 50 0.200 with 1 at risk; at ED 150 not estimable.
 */
@Component
class DemoPupCohort {

    private static final Logger log = LoggerFactory.getLogger(DemoPupCohort.class);
    private static final ZoneId ZONE = ZoneId.of("Europe/London");

    /**
     * One child: name, age in months, the day (before today) of the first exposure, days between exposures, and the
     * number of exposure days.
     */
    record Child(
            String givenName, String familyName, int ageMonths, int firstExposureDaysAgo, int every, int exposures) {}

    static final List<Child> CHILDREN = List.of(
            new Child("Arlo", "Penrose", 20, 200, 7, 26),
            new Child("Rowan", "Ashby", 16, 150, 3, 14),
            new Child("Finn", "Calloway", 22, 190, 3, 52),
            new Child("Ezra", "Whitlock", 11, 40, 5, 8),
            new Child("Theo", "Marsden", 19, 160, 4, 35),
            new Child("Milo", "Hartigan", 14, 120, 5, 21));

    /** The child with the new inhibitor. */
    static final int INHIBITOR_CHILD = 1;

    private final PatientRegistry patients;
    private final BleedDiary diary;
    private final ProductCatalogue catalogue;
    private final AdverseEventLoads adverseEvents;
    private final CentreDirectory centres;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoPupCohort(
            PatientRegistry patients,
            BleedDiary diary,
            ProductCatalogue catalogue,
            AdverseEventLoads adverseEvents,
            CentreDirectory centres,
            TransactionTemplate transaction,
            Clock clock) {
        this.patients = patients;
        this.diary = diary;
        this.catalogue = catalogue;
        this.adverseEvents = adverseEvents;
        this.centres = centres;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The cohort at the North centre of the demo network (nothing when there is none). */
    void loadAtNorth() {
        centres.centres().stream()
                .filter(c -> "NORTH".equals(c.code()))
                .findFirst()
                .ifPresent(north -> {
                    load(north.id(), "demo");
                    log.info("Demo PUP cohort loaded: {} previously untreated children", CHILDREN.size());
                });
    }

    /**
     * Loads the cohort at a centre; {@code key} makes the ids (the same key and centre give the same ids, so load it
     * once). Returns the children's ids, in {@link #CHILDREN} order.
     */
    List<UUID> load(UUID centreId, String key) {
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        Instant now = clock.instant();
        String batch = catalogue.batches(DemoCatalogue.OCTAVIA).stream()
                .map(Batch::batchNumber)
                .sorted()
                .findFirst()
                .orElse(null);
        Actor haematologist = new Actor(
                id(key, centreId, "haematologist"), "clinician.north", "CLINICIAN", Set.of(centreId), Set.of());
        List<UUID> ids = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            List<Infusion> infusions = new ArrayList<>();
            for (int c = 0; c < CHILDREN.size(); c++) {
                Child child = CHILDREN.get(c);
                UUID patientId = id(key, centreId, "pup-" + c);
                ids.add(patientId);
                LocalDate born = today.minusMonths(child.ageMonths());
                LocalDate first = today.minusDays(child.firstExposureDaysAgo());
                List<NewPatient.BethesdaAssay> tests = new ArrayList<>();
                if (c == INHIBITOR_CHILD) {
                    LocalDate fourteenth = first.plusDays((long) child.every() * (child.exposures() - 1));
                    tests.add(assay(first.minusDays(7), "75", "1")); // 0.42 BU: negative at screening
                    tests.add(assay(fourteenth, "30", "1")); // 1.74 BU: the first positive sample, at ED 14
                    tests.add(assay(fourteenth.plusDays(14), "25", "4")); // 8.00 BU: confirmed on another day
                }
                patients.register(new NewPatient(
                        patientId,
                        centreId,
                        child.givenName(),
                        child.familyName(),
                        born,
                        Sex.MALE,
                        null,
                        null,
                        null,
                        DiagnosisType.HEMOPHILIA_A,
                        null,
                        false,
                        new BigDecimal("0.5"),
                        born.plusDays(3),
                        new BigDecimal("10.0"),
                        first,
                        tests,
                        "Europe/London",
                        true,
                        0));
                for (int e = 0; e < child.exposures(); e++) {
                    Instant at = first.plusDays((long) child.every() * e)
                            .atTime(8, 0)
                            .atZone(ZONE)
                            .toInstant();
                    infusions.add(new Infusion(
                            id(key, centreId, "pup-" + c + "-ed-" + e),
                            patientId,
                            at,
                            DemoCatalogue.OCTAVIA,
                            batch,
                            new BigDecimal("250"),
                            DoseUnit.IU,
                            InfusionReason.PROPHYLAXIS,
                            null,
                            "parent",
                            null,
                            at.plusSeconds(3600),
                            DemoDiaryHistory.RECORDED_BY,
                            null,
                            null,
                            null));
                }
            }
            diary.importHistory(haematologist, List.of(), infusions);
            Child rowan = CHILDREN.get(INHIBITOR_CHILD);
            LocalDate onset = today.minusDays(rowan.firstExposureDaysAgo())
                    .plusDays((long) rowan.every() * (rowan.exposures() - 1));
            adverseEvents.load(new AdverseEvent(
                    id(key, centreId, "pup-inhibitor-report"),
                    ids.get(INHIBITOR_CHILD),
                    centreId,
                    AdverseEventCategory.INHIBITOR,
                    onset,
                    DemoCatalogue.OCTAVIA,
                    batch,
                    null,
                    true,
                    AdverseEventOutcome.NOT_RECOVERED,
                    "New inhibitor in a previously untreated patient at exposure day 14: 1.74 BU, confirmed at 8.00 BU"
                            + " two weeks later (high responder). Octavia stopped; bypassing agent for bleeds;"
                            + " immune tolerance induction being planned with the family.",
                    AdverseEventStatus.REPORTED,
                    AdverseEventSource.INHIBITOR_SURVEILLANCE,
                    "Inhibitor surveillance",
                    "SYSTEM",
                    2,
                    onset.plusDays(14).atTime(17, 0).atZone(ZONE).toInstant(),
                    now,
                    haematologist.username(),
                    null,
                    null,
                    null,
                    List.of()));
        });
        return ids;
    }

    private static NewPatient.BethesdaAssay assay(LocalDate on, String residual, String dilution) {
        return new NewPatient.BethesdaAssay(on, new BigDecimal(residual), new BigDecimal(dilution));
    }

    private static UUID id(String key, UUID centreId, String what) {
        return UUID.nameUUIDFromBytes(
                ("hemonet-demo-pups:" + key + ":" + centreId + ":" + what).getBytes(StandardCharsets.UTF_8));
    }
}
