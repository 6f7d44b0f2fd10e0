package org.hemonet.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.hemonet.demo.DemoDiaryHistory.BatchUse;
import org.hemonet.demo.DemoDiaryHistory.Persona;
import org.hemonet.demo.DemoDiaryHistory.Profile;
import org.hemonet.diary.Bleed;
import org.hemonet.diary.BleedDiary;
import org.hemonet.diary.DoseUnit;
import org.hemonet.diary.Infusion;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.shared.Actor;
import org.hemonet.supply.HomeStock;
import org.hemonet.supply.Regimen;
import org.hemonet.supply.TreatmentPlan;
import org.hemonet.supply.TreatmentPlans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gives the demo patients a diary history (docs/demo.md) after their treatment plans are in place: {@link
 * DemoDiaryHistory} for each patient with a plan, written through {@link BleedDiary#importHistory} in one batch.
 * Switched off with {@code hemonet.demo.diary-history=false} (the tests do, since they expect empty demo diaries).
 *
 * <p>In each centre a few prophylaxis patients get a {@link Persona} that shows one rule of "patients needing
 * attention" on purpose; everybody else is {@link Persona#TYPICAL}, and the demo logins' own patients (Tom Bradley, the
 * Okafor children) always are.
 */
@Component
class DemoDiaryLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDiaryLoader.class);
    static final ZoneId ZONE = ZoneId.of("Europe/London");

    /**
     * The personas, handed out in turn to a centre's eligible patients, each centre starting one further on (so that
     * small centres do not all show the same one).
     */
    static final List<Persona> CENTRE_PERSONAS =
            List.of(Persona.NEW_TARGET_JOINT, Persona.SILENT, Persona.RISING_ABR, Persona.POOR_ADHERENCE);

    private final DemoProperties properties;
    private final PatientRegistry patients;
    private final TreatmentPlans plans;
    private final ProductCatalogue catalogue;
    private final HomeStock homeStock;
    private final BleedDiary diary;
    private final Clock clock;

    DemoDiaryLoader(
            DemoProperties properties,
            PatientRegistry patients,
            TreatmentPlans plans,
            ProductCatalogue catalogue,
            HomeStock homeStock,
            BleedDiary diary,
            Clock clock) {
        this.properties = properties;
        this.patients = patients;
        this.plans = plans;
        this.catalogue = catalogue;
        this.homeStock = homeStock;
        this.diary = diary;
        this.clock = clock;
    }

    /** What was loaded, for the log and for tests. */
    record Result(Map<UUID, Persona> personas, int bleeds, int infusions, long millis) {}

    /** The whole demo network's history, when {@code hemonet.demo.diary-history} is on (the default). */
    void loadNetwork() {
        if (!properties.diaryHistory()) {
            log.info("Demo diary history: off (hemonet.demo.diary-history=false)");
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        List<PatientSummary> all = patients.allForAggregates();
        Map<UUID, TreatmentPlan> planOf = plansOf(all, today);
        Result result = load(all, personas(properties.seed(), all, planOf));
        log.info(
                "Demo diary history loaded: {} bleeds and {} infusions for {} patients in {} ms",
                result.bleeds(),
                result.infusions(),
                result.personas().size(),
                result.millis());
    }

    /**
     * Generates and stores the history of the given patients that have a treatment plan, each with its persona
     * ({@link Persona#TYPICAL} when not given). Patients without a plan get none.
     */
    Result load(List<PatientSummary> who, Map<UUID, Persona> personas) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        LocalDate today = now.atZone(ZONE).toLocalDate();
        Map<UUID, TreatmentPlan> planOf = plansOf(who, today);
        Map<UUID, List<BatchUse>> batchesOf = new HashMap<>();
        List<Bleed> bleeds = new ArrayList<>();
        List<Infusion> infusions = new ArrayList<>();
        Map<UUID, Persona> used = new LinkedHashMap<>();
        Set<UUID> centres = new java.util.TreeSet<>();
        for (PatientSummary patient : sorted(who)) {
            TreatmentPlan plan = planOf.get(patient.id());
            if (plan == null) {
                continue;
            }
            Persona persona = personas.getOrDefault(patient.id(), Persona.TYPICAL);
            Profile profile = profile(patient, plan, persona, today);
            List<BatchUse> batches =
                    new ArrayList<>(batchesOf.computeIfAbsent(plan.productId(), this::catalogueBatches));
            if (profile.bleedProductId() != null && !profile.bleedProductId().equals(plan.productId())) {
                batches.addAll(batchesOf.computeIfAbsent(profile.bleedProductId(), this::catalogueBatches));
            }
            // the batch delivered last is the one at home lately (the demo delivery came two to three weeks ago)
            homeStock
                    .lastDeliveredBatch(patient.id(), plan.productId())
                    .ifPresent(number -> batches.add(
                            new BatchUse(plan.productId(), number, today.minusDays(14), today.plusYears(1))));
            DemoDiaryHistory.History history =
                    DemoDiaryHistory.generate(properties.seed(), profile, batches, now, ZONE);
            bleeds.addAll(history.bleeds());
            infusions.addAll(history.infusions());
            used.put(patient.id(), persona);
            centres.add(patient.centreId());
        }
        if (!used.isEmpty()) {
            diary.importHistory(importer(centres), bleeds, infusions);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Result(used, bleeds.size(), infusions.size(), millis);
    }

    /**
     * The personas: in each centre, its patients on prophylaxis with a factor concentrate at least twice a week (not
     * the demo logins' own patients), shuffled with the seed, take {@link #CENTRE_PERSONAS} in turn, up to two in three
     * of them; everyone else is {@link Persona#TYPICAL}.
     */
    static Map<UUID, Persona> personas(long seed, Collection<PatientSummary> all, Map<UUID, TreatmentPlan> planOf) {
        Random random = new Random(seed ^ 0xd1a7_4157L);
        Map<UUID, List<UUID>> eligible = new TreeMap<>();
        for (PatientSummary p : sorted(all)) {
            TreatmentPlan plan = planOf.get(p.id());
            boolean fits = plan != null
                    && plan.regimen() == Regimen.PROPHYLAXIS
                    && plan.schedule() != null
                    && !plan.isNonFactor()
                    && plan.schedule().dosesPerWeek() >= 1.5
                    && !isLoginPatient(p);
            if (fits) {
                eligible.computeIfAbsent(p.centreId(), k -> new ArrayList<>()).add(p.id());
            }
        }
        Map<UUID, Persona> result = new HashMap<>();
        int centre = 0;
        for (List<UUID> ids : eligible.values()) {
            java.util.Collections.shuffle(ids, random);
            // two in three of the eligible at most: the rest of the centre keeps a typical diary
            int count = Math.min(CENTRE_PERSONAS.size(), (2 * ids.size() + 2) / 3);
            for (int i = 0; i < count; i++) {
                result.put(ids.get(i), CENTRE_PERSONAS.get((centre + i) % CENTRE_PERSONAS.size()));
            }
            centre++;
        }
        return result;
    }

    /** The patients of the demo logins patient.tom and parent.sara keep an ordinary diary. */
    static boolean isLoginPatient(PatientSummary p) {
        return ("Tom".equals(p.givenName()) && "Bradley".equals(p.familyName())) || "Okafor".equals(p.familyName());
    }

    private Map<UUID, TreatmentPlan> plansOf(Collection<PatientSummary> who, LocalDate today) {
        return plans.plansAsOf(who.stream().map(PatientSummary::id).toList(), today);
    }

    private static List<PatientSummary> sorted(Collection<PatientSummary> who) {
        return who.stream().sorted(Comparator.comparing(PatientSummary::id)).toList();
    }

    static Profile profile(PatientSummary patient, TreatmentPlan plan, Persona persona, LocalDate today) {
        DoseUnit unit = plan.isNonFactor() ? DoseUnit.MG : DoseUnit.IU;
        UUID bleedProduct =
                plan.bleedProductId() != null ? plan.bleedProductId() : plan.isNonFactor() ? null : plan.productId();
        BigDecimal bleedDose = plan.dose();
        if (bleedProduct != null && !bleedProduct.equals(plan.productId())) {
            BigDecimal weight = plan.weightKg() != null
                    ? plan.weightKg()
                    : patient.weightKg() != null ? patient.weightKg() : new BigDecimal("70");
            // a bypassing agent at 50 U/kg, a factor VIII concentrate at 25 IU/kg; whole 250-unit steps
            BigDecimal perKg = bleedProduct.equals(DemoCatalogue.BYPARA) ? new BigDecimal("50") : new BigDecimal("25");
            bleedDose = weight.multiply(perKg)
                    .divide(new BigDecimal("250"), 0, RoundingMode.CEILING)
                    .multiply(new BigDecimal("250"));
        }
        boolean prophylaxis = plan.regimen() == Regimen.PROPHYLAXIS && plan.schedule() != null;
        return new Profile(
                patient.id(),
                patient.severity(),
                patient.ageOn(today),
                plan.productId(),
                unit,
                plan.dose(),
                prophylaxis ? plan.schedule() : null,
                plan.validFrom(),
                bleedProduct,
                bleedDose,
                prophylaxis ? persona : Persona.TYPICAL);
    }

    private List<BatchUse> catalogueBatches(UUID productId) {
        return catalogue.batches(productId).stream()
                .map(b -> new BatchUse(productId, b.batchNumber(), b.receivedOn(), b.expiresOn()))
                .toList();
    }

    /** The demo's importer: a clinician of every centre whose patients get a history (like the demo prescribers). */
    private static Actor importer(Set<UUID> centres) {
        return new Actor(
                UUID.nameUUIDFromBytes("hemonet-demo-history".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                DemoDiaryHistory.RECORDED_BY,
                "CLINICIAN",
                centres,
                Set.of());
    }
}
