package org.hemonet.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hemonet.safety.TreatmentYears.Event;
import org.hemonet.safety.TreatmentYears.Exposure;
import org.junit.jupiter.api.Test;

/** The EUHASS treatment-year convention of clinical.md §9 on hand-worked cases. */
class TreatmentYearsTest {

    static final UUID A = UUID.randomUUID();
    static final UUID B = UUID.randomUUID();
    static final UUID P1 = UUID.randomUUID();
    static final UUID P2 = UUID.randomUUID();

    @Test
    void onePatientOverSeveralYearsCountsOneTreatmentYearPerCalendarYear() {
        // treated many times in 2024 and 2025, once in 2026 (outside the period)
        List<Exposure> exposures = List.of(
                new Exposure(P1, A, 2024),
                new Exposure(P1, A, 2024),
                new Exposure(P1, A, 2025),
                new Exposure(P1, A, 2026));
        List<Event> events = List.of(
                new Event(A, AdverseEventCategory.INHIBITOR, 2025), new Event(A, AdverseEventCategory.INHIBITOR, 2026));
        TreatmentYears.ProductRates r =
                TreatmentYears.byProduct(exposures, events, 2024, 2025).get(A);
        assertThat(r.treatmentYears()).isEqualTo(2);
        assertThat(r.patientsTreated()).isEqualTo(1);
        assertThat(r.events().get(AdverseEventCategory.INHIBITOR)).isEqualTo(1);
        assertThat(r.rates().get(AdverseEventCategory.INHIBITOR).per1000TreatmentYears())
                .isCloseTo(500.0, within(1e-9));
    }

    @Test
    void severalProductsEachHaveTheirOwnDenominatorAndARateForEveryCategory() {
        List<Exposure> exposures = List.of(
                new Exposure(P1, A, 2025),
                new Exposure(P2, A, 2025),
                new Exposure(P1, B, 2025),
                new Exposure(P2, A, 2024));
        List<Event> events = List.of(new Event(B, AdverseEventCategory.ACUTE_REACTION, 2025));
        Map<java.util.UUID, TreatmentYears.ProductRates> all = TreatmentYears.byProduct(exposures, events, 2024, 2025);
        assertThat(all.get(A).treatmentYears()).isEqualTo(3);
        assertThat(all.get(A).patientsTreated()).isEqualTo(2);
        assertThat(all.get(B).treatmentYears()).isEqualTo(1);
        assertThat(all.get(B).rates().get(AdverseEventCategory.ACUTE_REACTION).per1000TreatmentYears())
                .isCloseTo(1000.0, within(1e-9));
        assertThat(all.get(A).rates()).hasSize(AdverseEventCategory.values().length);
        for (AdverseEventCategory c : AdverseEventCategory.values()) {
            assertThat(all.get(A).events().get(c)).isZero();
            assertThat(all.get(A).rates().get(c).per1000TreatmentYears()).isZero();
            assertThat(all.get(A).rates().get(c).lower()).isZero();
            assertThat(all.get(A).rates().get(c).upper()).isGreaterThan(0);
        }
    }

    @Test
    void anEventWithoutTreatmentYearsHasACountButNoRate() {
        Map<UUID, TreatmentYears.ProductRates> all = TreatmentYears.byProduct(
                List.of(), List.of(new Event(A, AdverseEventCategory.OTHER, 2025)), 2025, 2025);
        assertThat(all.get(A).events().get(AdverseEventCategory.OTHER)).isEqualTo(1);
        assertThat(all.get(A).rates().get(AdverseEventCategory.OTHER)).isNull();
    }
}
