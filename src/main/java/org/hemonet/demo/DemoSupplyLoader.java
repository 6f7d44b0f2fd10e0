package org.hemonet.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Random;
import java.util.Set;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.centre.TeamMember;
import org.hemonet.centre.TeamRole;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.product.Batch;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.shared.Actor;
import org.hemonet.supply.DeliveryWindow;
import org.hemonet.supply.HomeStock;
import org.hemonet.supply.NewDelivery;
import org.hemonet.supply.Prescription;
import org.hemonet.supply.Regimen;
import org.hemonet.supply.TreatmentPlan;
import org.hemonet.supply.TreatmentPlans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo product catalogue and batches (and, once the supply module is there, demo treatment plans) after the
 * demo network, when the demo is enabled and the catalogue is empty. Deterministic: seeded like the network.
 *
 * <p>It runs on {@link ApplicationReadyEvent}, which Spring Boot publishes after every {@code ApplicationRunner} has
 * run: an {@code ApplicationRunner} with {@code @Order(LOWEST_PRECEDENCE)} ties with the unordered
 * {@code DemoDataLoader} and ran before it, when there were no patients yet to give plans to.
 */
@Component
class DemoSupplyLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoSupplyLoader.class);

    private final DemoProperties properties;
    private final org.hemonet.shared.database.DatabaseProperties database;
    private final ProductCatalogue catalogue;
    private final PatientRegistry patients;
    private final CentreDirectory centres;
    private final TreatmentPlans plans;
    private final HomeStock homeStock;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final DemoDiaryLoader diaryHistory;
    private final DemoPupCohort pupCohort;

    DemoSupplyLoader(
            DemoProperties properties,
            org.hemonet.shared.database.DatabaseProperties database,
            ProductCatalogue catalogue,
            PatientRegistry patients,
            CentreDirectory centres,
            TreatmentPlans plans,
            HomeStock homeStock,
            TransactionTemplate transaction,
            Clock clock,
            DemoDiaryLoader diaryHistory,
            DemoPupCohort pupCohort,
            DemoSafetyEvents safetyEvents) {
        this.properties = properties;
        this.database = database;
        this.catalogue = catalogue;
        this.patients = patients;
        this.centres = centres;
        this.plans = plans;
        this.homeStock = homeStock;
        this.transaction = transaction;
        this.clock = clock;
        this.diaryHistory = diaryHistory;
        this.pupCohort = pupCohort;
        this.safetyEvents = safetyEvents;
    }

    private final DemoSafetyEvents safetyEvents;

    @EventListener(ApplicationReadyEvent.class)
    public void load() {
        boolean enabled = properties.enabled() != null
                ? properties.enabled()
                : database.db().url().isBlank();
        if (!enabled || !catalogue.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        transaction.executeWithoutResult(status -> {
            DemoCatalogue.products().forEach(catalogue::add);
            DemoCatalogue.batches(properties.seed(), today)
                    .forEach(b -> catalogue.receiveBatch(
                            b.productId(),
                            b.batchNumber(),
                            b.expiresOn(),
                            b.vials(),
                            b.unitsPerVial(),
                            b.receivedOn(),
                            null));
            loadPlans(today);
            safetyEvents.load(today);
        });
        log.info(
                "Demo catalogue loaded: {} products, with treatment plans",
                DemoCatalogue.products().size());
        // the diary history follows the plans just prescribed and the batches just delivered
        try {
            diaryHistory.loadNetwork();
        } catch (RuntimeException e) {
            // the network is usable without its history: say so, and start anyway
            log.warn("Demo diary history not loaded: {}", e.toString());
        }
        // the PUP cohort is diary history too: with it, and off in tests (they expect the demo diaries empty)
        if (properties.diaryHistory()) {
            try {
                pupCohort.loadAtNorth();
            } catch (RuntimeException e) {
                log.warn("Demo PUP cohort not loaded: {}", e.toString());
            }
        }
    }

    /** A plan for each haemophilia patient, prescribed by their centre's haematologist. */
    private void loadPlans(LocalDate today) {
        Random random = new Random(properties.seed() ^ 0x91a5L);
        patients.allForAggregates().stream()
                .sorted(Comparator.comparing(PatientSummary::id))
                .forEach(patient -> {
                    Prescription prescription = DemoPlans.planFor(patient, random, today);
                    if (prescription != null) {
                        Actor prescriber = prescriber(patient.centreId());
                        TreatmentPlan plan = plans.prescribe(prescriber, patient.id(), prescription);
                        if (plan.regimen() == Regimen.PROPHYLAXIS) {
                            deliveries(prescriber, plan, random, today);
                        }
                    }
                });
    }

    private Actor prescriber(java.util.UUID centreId) {
        String name = centres.team(centreId).stream()
                .filter(member -> member.role() == TeamRole.HAEMATOLOGIST)
                .map(TeamMember::name)
                .findFirst()
                .orElse("Demo haematologist");
        return new Actor(DemoPlans.prescriberId(centreId), name, "CLINICIAN", Set.of(centreId), Set.of());
    }

    /**
     * Four weeks of doses delivered two to three weeks ago, and the next delivery booked for next week, from an
     * unexpired batch of the plan's product.
     */
    private void deliveries(Actor prescriber, TreatmentPlan plan, Random random, LocalDate today) {
        java.util.List<Batch> batches = catalogue.batches(plan.productId()).stream()
                .filter(b -> b.expiresOn().isAfter(today.plusDays(200)))
                .toList();
        if (batches.isEmpty()) {
            return;
        }
        Batch batch = batches.get(random.nextInt(batches.size()));
        double perFourWeeks = plan.dailyUse() * 28;
        int vials = (int) Math.max(1, Math.min(1000, Math.ceil(perFourWeeks / batch.unitsPerVial())));
        var item = java.util.List.of(
                new NewDelivery.Item(plan.productId(), batch.batchNumber(), vials, batch.unitsPerVial()));
        var past = homeStock.book(
                prescriber,
                new NewDelivery(
                        plan.patientId(), today.minusDays(14 + random.nextInt(8)), DeliveryWindow.STANDARD, item));
        homeStock.delivered(prescriber, past.id(), null);
        homeStock.book(
                prescriber,
                new NewDelivery(
                        plan.patientId(),
                        today.plusDays(5 + random.nextInt(5)),
                        DeliveryWindow.EARLY,
                        item,
                        demoAddress(plan.patientId())));
    }

    private static final String[] STREETS = {
        "Mill Lane", "Church Road", "Station Road", "Victoria Street", "Park Avenue", "The Green", "Orchard Close"
    };
    private static final String[] TOWNS = {"Bolton BL1 4XX", "Leigh WN7 2XX", "Bury BL9 0XX", "Chorley PR7 1XX"};

    /** An invented address (fictitious postcodes), from the patient id so that no random draw moves. */
    private static String demoAddress(java.util.UUID patientId) {
        int h = Math.abs(patientId.hashCode() % 1000);
        return (1 + h % 97) + " " + STREETS[h % STREETS.length] + "\n" + TOWNS[h % TOWNS.length];
    }
}
