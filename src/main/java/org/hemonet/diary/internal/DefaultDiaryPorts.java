package org.hemonet.diary.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hemonet.diary.DoseUnit;
import org.hemonet.diary.ProductCheck;
import org.hemonet.diary.ProductProblem;
import org.hemonet.diary.RecallCheck;
import org.hemonet.diary.RegimenPeriod;
import org.hemonet.diary.ScheduledDoses;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stand-ins for the product catalogue and treatment plans until they exist: any product is accepted and no patient has a
 * prophylaxis schedule. Replaced by the product/supply modules (issue #5), whose beans take precedence.
 */
@Configuration(proxyBeanMethods = false)
class DefaultDiaryPorts {

    @Bean
    @ConditionalOnMissingBean
    ProductCheck anyProduct() {
        return new ProductCheck() {
            @Override
            public Optional<ProductProblem> check(UUID productId, DoseUnit unit, @Nullable String batchNumber) {
                return Optional.empty();
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    RecallCheck noRecalls() {
        return new RecallCheck() {
            @Override
            public Optional<String> recallWarning(UUID productId, @Nullable String batchNumber) {
                return Optional.empty();
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    ScheduledDoses noSchedule() {
        return new ScheduledDoses() {
            @Override
            public List<Instant> dosesBetween(UUID patientId, Instant from, Instant to) {
                return List.of();
            }

            @Override
            public List<RegimenPeriod> prophylaxisPeriods(UUID patientId) {
                return List.of();
            }
        };
    }
}
