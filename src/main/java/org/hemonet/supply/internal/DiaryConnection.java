package org.hemonet.supply.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hemonet.diary.DoseUnit;
import org.hemonet.diary.InfusionCorrected;
import org.hemonet.diary.InfusionRecorded;
import org.hemonet.diary.InfusionVoided;
import org.hemonet.diary.InfusionsRecorded;
import org.hemonet.diary.ProductCheck;
import org.hemonet.diary.ProductProblem;
import org.hemonet.diary.RecallCheck;
import org.hemonet.diary.RegimenPeriod;
import org.hemonet.diary.ScheduledDose;
import org.hemonet.diary.ScheduledDoses;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.product.Batch;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.hemonet.supply.BatchRecalls;
import org.hemonet.supply.HomeStock;
import org.hemonet.supply.PlannedDose;
import org.hemonet.supply.Regimen;
import org.hemonet.supply.TreatmentPlans;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the diary needs from the catalogue and the treatment plans (its {@link ProductCheck} and {@link ScheduledDoses}
 * ports), and home stock kept current from logged infusions (issue 5: stock = delivered − infused − wasted).
 */
@Configuration(proxyBeanMethods = false)
public class DiaryConnection {

    @Bean
    @Primary
    public ProductCheck catalogueProductCheck(ProductCatalogue catalogue) {
        return new ProductCheck() {
            @Override
            public Optional<ProductProblem> check(UUID productId, DoseUnit unit, @Nullable String batchNumber) {
                Optional<Product> product = catalogue.find(productId);
                if (product.isEmpty()) {
                    return Optional.of(new ProductProblem("productId", "There is no such product in the catalogue."));
                }
                if (!product.get().unit().name().equals(unit.name())) {
                    return Optional.of(new ProductProblem(
                            unit == DoseUnit.IU ? "doseIu" : "doseMg",
                            "This product is dosed in " + product.get().unit().name() + "."));
                }
                if (batchNumber != null && !batchNumber.isBlank()) {
                    try {
                        catalogue.requireBatch(productId, batchNumber, "batchNumber");
                    } catch (InvalidInputException e) {
                        return Optional.of(new ProductProblem("batchNumber", e.getMessage()));
                    }
                }
                return Optional.empty();
            }

            @Override
            public boolean isWithdrawn(UUID productId) {
                return catalogue.find(productId).map(Product::isWithdrawn).orElse(false);
            }
        };
    }

    @Bean
    @Primary
    public RecallCheck batchRecallCheck(BatchRecalls recalls) {
        return (productId, batchNumber) -> batchNumber == null || batchNumber.isBlank()
                ? Optional.empty()
                : recalls.recallReason(productId, batchNumber)
                        .map(reason -> "This batch has been recalled: " + reason
                                + " Do not use the remaining vials of it; your centre has been told.");
    }

    /** An infusion logged from a recalled batch alerts the patient's centre on the recall's page (issue 5). */
    @Component
    public static class RecalledInfusions {

        private static final Logger log = LoggerFactory.getLogger(RecalledInfusions.class);
        private final BatchRecalls recalls;
        private final TransactionTemplate savepoint;

        RecalledInfusions(BatchRecalls recalls, PlatformTransactionManager transactions) {
            this.recalls = recalls;
            this.savepoint = new TransactionTemplate(transactions);
            this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        }

        /**
         * In the infusions' own transaction, in a savepoint (as {@link InfusionsFromStock}): after the commit in a new
         * transaction it needed a second pooled connection while the request still held its first, so 200 phones
         * syncing at once starved the pool (bench/resilience.sh, offline burst). A sync's infusions are alerted as a
         * set in one savepoint, the recalls looked up once per distinct batch (issue 14); each on its own if the set
         * fails.
         */
        @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
        public void on(InfusionsRecorded stored) {
            List<InfusionRecorded> named = stored.infusions().stream()
                    .filter(i -> i.batchNumber() != null && !i.batchNumber().isBlank())
                    .toList();
            if (named.size() > 1) {
                // a sync's infusions as a set (issue 14): one savepoint, the recalls once per distinct batch
                try {
                    savepoint.executeWithoutResult(s -> recalls.alertInfusions(named.stream()
                            .map(i -> new BatchRecalls.InfusionFromBatch(
                                    i.infusionId(),
                                    i.patientId(),
                                    i.productId(),
                                    java.util.Objects.requireNonNull(i.batchNumber()),
                                    i.administeredAt()))
                            .toList()));
                    return;
                } catch (RuntimeException e) {
                    // rolled back to the savepoint: each on its own below, so that one failure loses only its own
                }
            }
            named.forEach(this::alertOne);
        }

        private void alertOne(InfusionRecorded infusion) {
            String batchNumber = infusion.batchNumber();
            if (batchNumber == null || batchNumber.isBlank()) {
                return;
            }
            try {
                savepoint.executeWithoutResult(s -> recalls.alertInfusion(
                        infusion.infusionId(),
                        infusion.patientId(),
                        infusion.productId(),
                        batchNumber,
                        infusion.administeredAt()));
            } catch (RuntimeException e) {
                log.warn(
                        "A recalled-batch alert could not be raised: {}",
                        e.getClass().getSimpleName());
            }
        }
    }

    @Bean
    @Primary
    public ScheduledDoses treatmentPlanSchedule(
            TreatmentPlans plans, HomeStock homeStock, ProductCatalogue catalogue, PatientRegistry patients) {
        return new ScheduledDoses() {
            /** The active prophylaxis plan's product and dose, and the batch of it delivered last (issue 6). */
            @Override
            public Optional<ScheduledDose> doseToLog(UUID patientId, LocalDate date) {
                return plans.activePlan(patientId, date)
                        .filter(plan -> plan.regimen() == Regimen.PROPHYLAXIS && plan.schedule() != null)
                        .map(plan -> {
                            boolean mg = plan.unit() == org.hemonet.product.DoseUnit.MG;
                            String name = catalogue
                                    .find(plan.productId())
                                    .map(Product::brandName)
                                    .orElse("");
                            // plans are in the patient's local dates; the diary reasons in instants
                            ZoneId zone = zoneOf(patients, patientId);
                            Instant from = date.atStartOfDay(zone).toInstant();
                            Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
                            return new ScheduledDose(
                                    plan.productId(),
                                    name,
                                    mg ? null : plan.dose(),
                                    mg ? plan.dose() : null,
                                    mg ? DoseUnit.MG : DoseUnit.IU,
                                    homeStock
                                            .lastDeliveredBatch(patientId, plan.productId())
                                            .orElse(null),
                                    !plans.scheduledDoses(patientId, from, to).isEmpty(),
                                    false);
                        });
            }

            @Override
            public List<Instant> dosesBetween(UUID patientId, Instant from, Instant to) {
                return plans.scheduledDoses(patientId, from, to).stream()
                        .map(PlannedDose::at)
                        .toList();
            }

            @Override
            public java.util.Map<UUID, List<Instant>> dosesBetween(
                    java.util.Collection<UUID> patientIds, Instant from, Instant to) {
                return plans.scheduledDoses(patientIds, from, to);
            }

            @Override
            public java.util.Map<UUID, ?> scheduleStamps(java.util.Collection<UUID> patientIds) {
                return plans.scheduleStamps(patientIds);
            }

            @Override
            public List<RegimenPeriod> prophylaxisPeriods(UUID patientId) {
                return plans.prophylaxisPeriods(patientId, zoneOf(patients, patientId));
            }
        };
    }

    /**
     * Keeps home stock in step with the diary in the diary change's own transaction (just before it commits): a logged
     * infusion takes whole vials of its batch's size, a voided one gives them back, a corrected one takes what its
     * corrected dose and batch need instead. In the same transaction so that a crash cannot leave an infusion without
     * its stock movement (bench/resilience.sh: after a commit, a kill -9 before a separate stock transaction left the
     * infusion stored, its sync acknowledged to the retry, and the vials never counted). Each count runs in a savepoint:
     * a count that fails is rolled back alone and logged, and the diary entry is still stored.
     */
    @Component
    public static class InfusionsFromStock {

        private static final Logger log = LoggerFactory.getLogger(InfusionsFromStock.class);
        private final HomeStock homeStock;
        private final ProductCatalogue catalogue;

        private final TransactionTemplate savepoint;

        InfusionsFromStock(HomeStock homeStock, ProductCatalogue catalogue, PlatformTransactionManager transactions) {
            this.homeStock = homeStock;
            this.catalogue = catalogue;
            this.savepoint = new TransactionTemplate(transactions);
            this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        }

        /**
         * The infusions of one diary change (issue 14): those of a sync counted as a set, in one savepoint, with each
         * batch looked up once; if the set cannot be counted, each is counted on its own as below, so that only the
         * ones that fail are left to the next stock-take.
         */
        @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
        public void on(InfusionsRecorded stored) {
            List<InfusionRecorded> countable = stored.infusions().stream()
                    .filter(i -> (i.doseIu() != null || i.doseMg() != null)
                            && i.batchNumber() != null
                            && !i.batchNumber().isBlank())
                    .toList();
            if (countable.size() > 1) {
                try {
                    savepoint.executeWithoutResult(s -> {
                        java.util.Map<List<Object>, Batch> batches = new java.util.HashMap<>();
                        List<HomeStock.Infused> uses = new java.util.ArrayList<>();
                        for (InfusionRecorded i : countable) {
                            String batchNumber = java.util.Objects.requireNonNull(i.batchNumber());
                            Batch batch = batches.computeIfAbsent(
                                    List.of(i.productId(), batchNumber),
                                    k -> catalogue.requireBatch(i.productId(), batchNumber, "batchNumber"));
                            BigDecimal dose = i.doseIu() != null ? i.doseIu() : i.doseMg();
                            uses.add(new HomeStock.Infused(
                                    i.infusionId(),
                                    i.patientId(),
                                    i.productId(),
                                    batchNumber,
                                    vials(java.util.Objects.requireNonNull(dose), batch),
                                    batch.unitsPerVial(),
                                    i.administeredAt()));
                        }
                        homeStock.infusedAll(uses);
                    });
                    return;
                } catch (RuntimeException e) {
                    // rolled back to the savepoint: each on its own below, so that one failure loses only its own
                }
            }
            countable.forEach(this::countOne);
        }

        private void countOne(InfusionRecorded infusion) {
            @Nullable BigDecimal dose = infusion.doseIu() != null ? infusion.doseIu() : infusion.doseMg();
            if (dose == null
                    || infusion.batchNumber() == null
                    || infusion.batchNumber().isBlank()) {
                return;
            }
            try {
                String batchNumber = infusion.batchNumber();
                savepoint.executeWithoutResult(s -> {
                    Batch batch = catalogue.requireBatch(infusion.productId(), batchNumber, "batchNumber");
                    homeStock.infused(
                            infusion.infusionId(),
                            infusion.patientId(),
                            infusion.productId(),
                            batchNumber,
                            vials(dose, batch),
                            batch.unitsPerVial(),
                            infusion.administeredAt());
                });
            } catch (RuntimeException e) {
                // the infusion itself is stored; stock falls back to the next stock-take. No identifiers in the log.
                log.warn(
                        "An infusion could not be counted out of home stock: {}",
                        e.getClass().getSimpleName());
            }
        }

        @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
        public void on(InfusionVoided infusion) {
            try {
                savepoint.executeWithoutResult(s -> homeStock.infusionVoided(infusion.infusionId(), infusion.reason()));
            } catch (RuntimeException e) {
                log.warn(
                        "A voided infusion's vials could not be returned to home stock: {}",
                        e.getClass().getSimpleName());
            }
        }

        @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
        public void on(InfusionCorrected infusion) {
            @Nullable BigDecimal dose = infusion.doseIu() != null ? infusion.doseIu() : infusion.doseMg();
            String batchNumber = infusion.batchNumber();
            try {
                savepoint.executeWithoutResult(s -> {
                    if (dose == null || batchNumber == null || batchNumber.isBlank()) {
                        homeStock.infusionCorrected(
                                infusion.infusionId(),
                                infusion.patientId(),
                                infusion.productId(),
                                null,
                                0,
                                1,
                                infusion.administeredAt());
                        return;
                    }
                    Batch batch = catalogue.requireBatch(infusion.productId(), batchNumber, "batchNumber");
                    homeStock.infusionCorrected(
                            infusion.infusionId(),
                            infusion.patientId(),
                            infusion.productId(),
                            batchNumber,
                            vials(dose, batch),
                            batch.unitsPerVial(),
                            infusion.administeredAt());
                });
            } catch (RuntimeException e) {
                log.warn(
                        "A corrected infusion could not be recounted in home stock: {}",
                        e.getClass().getSimpleName());
            }
        }

        /** Whole vials of the batch's size: a dose of 2,000 IU from 1,000 IU vials takes 2, 2,100 IU takes 3. */
        static int vials(BigDecimal dose, Batch batch) {
            return dose.divide(BigDecimal.valueOf(batch.unitsPerVial()), 0, RoundingMode.CEILING)
                    .max(BigDecimal.ONE)
                    .intValueExact();
        }
    }

    /** The patient's own time zone, in which their plan's dates are days (issue 19). */
    static ZoneId zoneOf(PatientRegistry patients, UUID patientId) {
        return patients.zoneOf(patientId).orElseThrow(() -> new NotFoundException("patient"));
    }
}
