package org.hemonet.supply;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hemonet.diary.DoseUnit;
import org.hemonet.diary.InfusionRecorded;
import org.hemonet.diary.ProductCheck;
import org.hemonet.diary.ProductProblem;
import org.hemonet.diary.RecallCheck;
import org.hemonet.diary.RegimenPeriod;
import org.hemonet.diary.ScheduledDoses;
import org.hemonet.product.Batch;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What the diary needs from the catalogue and the treatment plans (its {@link ProductCheck} and {@link ScheduledDoses}
 * ports), and home stock kept current from logged infusions (issue 5: stock = delivered − infused − wasted).
 */
@Configuration(proxyBeanMethods = false)
class DiaryConnection {

    /** Plans are in UK local dates; the diary reasons in instants. */
    static final ZoneId PLAN_ZONE = ZoneId.of("Europe/London");

    @Bean
    @Primary
    ProductCheck catalogueProductCheck(ProductCatalogue catalogue) {
        return (productId, unit, batchNumber) -> {
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
        };
    }

    @Bean
    @Primary
    RecallCheck batchRecallCheck(BatchRecalls recalls) {
        return (productId, batchNumber) -> batchNumber == null || batchNumber.isBlank()
                ? Optional.empty()
                : recalls.recallReason(productId, batchNumber)
                        .map(reason -> "This batch has been recalled: " + reason
                                + " Do not use the remaining vials of it; your centre has been told.");
    }

    /** An infusion logged from a recalled batch alerts the patient's centre on the recall's page (issue 5). */
    @Component
    static class RecalledInfusions {

        private static final Logger log = LoggerFactory.getLogger(RecalledInfusions.class);
        private final BatchRecalls recalls;

        RecalledInfusions(BatchRecalls recalls) {
            this.recalls = recalls;
        }

        @TransactionalEventListener
        @Transactional(propagation = Propagation.REQUIRES_NEW)
        public void on(InfusionRecorded infusion) {
            if (infusion.batchNumber() == null || infusion.batchNumber().isBlank()) {
                return;
            }
            try {
                recalls.alertInfusion(
                        infusion.infusionId(),
                        infusion.patientId(),
                        infusion.productId(),
                        infusion.batchNumber(),
                        infusion.administeredAt());
            } catch (RuntimeException e) {
                log.warn(
                        "A recalled-batch alert could not be raised: {}",
                        e.getClass().getSimpleName());
            }
        }
    }

    @Bean
    @Primary
    ScheduledDoses treatmentPlanSchedule(TreatmentPlans plans) {
        return new ScheduledDoses() {
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
            public List<RegimenPeriod> prophylaxisPeriods(UUID patientId) {
                return plans.prophylaxisPeriods(patientId, PLAN_ZONE);
            }
        };
    }

    /** Counts each logged infusion out of home stock once it is committed, whole vials of the batch's size. */
    @Component
    static class InfusionsFromStock {

        private static final Logger log = LoggerFactory.getLogger(InfusionsFromStock.class);
        private final HomeStock homeStock;
        private final ProductCatalogue catalogue;

        InfusionsFromStock(HomeStock homeStock, ProductCatalogue catalogue) {
            this.homeStock = homeStock;
            this.catalogue = catalogue;
        }

        @TransactionalEventListener
        @Transactional(propagation = Propagation.REQUIRES_NEW)
        public void on(InfusionRecorded infusion) {
            @Nullable BigDecimal dose = infusion.doseIu() != null ? infusion.doseIu() : infusion.doseMg();
            if (dose == null
                    || infusion.batchNumber() == null
                    || infusion.batchNumber().isBlank()) {
                return;
            }
            try {
                Batch batch = catalogue.requireBatch(infusion.productId(), infusion.batchNumber(), "batchNumber");
                int vials = dose.divide(BigDecimal.valueOf(batch.unitsPerVial()), 0, RoundingMode.CEILING)
                        .max(BigDecimal.ONE)
                        .intValueExact();
                homeStock.infused(
                        infusion.infusionId(),
                        infusion.patientId(),
                        infusion.productId(),
                        infusion.batchNumber(),
                        vials,
                        batch.unitsPerVial(),
                        infusion.administeredAt());
            } catch (RuntimeException e) {
                // the infusion itself is stored; stock falls back to the next stock-take. No identifiers in the log.
                log.warn(
                        "An infusion could not be counted out of home stock: {}",
                        e.getClass().getSimpleName());
            }
        }
    }
}
