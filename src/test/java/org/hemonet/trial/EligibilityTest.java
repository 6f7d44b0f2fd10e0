package org.hemonet.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.InhibitorStatus;
import org.hemonet.patient.PatientSummary;
import org.hemonet.patient.Severity;
import org.hemonet.patient.Sex;
import org.junit.jupiter.api.Test;

/** The trial eligibility rule on hand-built patients: each criterion, its boundaries, and "any". */
class EligibilityTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    static PatientSummary patient(
            DiagnosisType diagnosis, Severity severity, InhibitorStatus inhibitor, LocalDate born) {
        return new PatientSummary(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "Test",
                "Patient",
                born,
                Sex.MALE,
                diagnosis,
                null,
                new BigDecimal("0.5"),
                null,
                severity,
                null,
                null,
                inhibitor,
                null,
                ZoneId.of("Europe/London"));
    }

    static TrialCriteria criteria(InhibitorCriterion inhibitor, Integer min, Integer max, PriorTreatment prior) {
        return new TrialCriteria(
                Set.of(DiagnosisType.HEMOPHILIA_A), Set.of(Severity.SEVERE), inhibitor, min, max, prior);
    }

    @Test
    void diagnosisAndSeverityMustBeAmongThoseAskedAndEmptySetsMeanAny() {
        TrialCriteria c = criteria(InhibitorCriterion.ANY, null, null, PriorTreatment.ANY);
        LocalDate born = LocalDate.of(1990, 1, 1);
        assertThat(Eligibility.meets(
                        c,
                        patient(DiagnosisType.HEMOPHILIA_A, Severity.SEVERE, InhibitorStatus.NEGATIVE, born),
                        TODAY,
                        null,
                        false))
                .isTrue();
        assertThat(Eligibility.meets(
                        c,
                        patient(DiagnosisType.HEMOPHILIA_B, Severity.SEVERE, InhibitorStatus.NEGATIVE, born),
                        TODAY,
                        null,
                        false))
                .isFalse();
        assertThat(Eligibility.meets(
                        c,
                        patient(DiagnosisType.HEMOPHILIA_A, Severity.MODERATE, InhibitorStatus.NEGATIVE, born),
                        TODAY,
                        null,
                        false))
                .isFalse();
        TrialCriteria any =
                new TrialCriteria(Set.of(), Set.of(), InhibitorCriterion.ANY, null, null, PriorTreatment.ANY);
        assertThat(Eligibility.meets(
                        any,
                        patient(DiagnosisType.VON_WILLEBRAND_DISEASE, Severity.MILD, InhibitorStatus.NOT_TESTED, born),
                        TODAY,
                        null,
                        false))
                .isTrue();
    }

    @Test
    void inhibitorCriteria() {
        LocalDate born = LocalDate.of(1990, 1, 1);
        TrialCriteria current = criteria(InhibitorCriterion.CURRENT_INHIBITOR, null, null, PriorTreatment.ANY);
        TrialCriteria none = criteria(InhibitorCriterion.NO_CURRENT_INHIBITOR, null, null, PriorTreatment.ANY);
        for (InhibitorStatus s : InhibitorStatus.values()) {
            PatientSummary p = patient(DiagnosisType.HEMOPHILIA_A, Severity.SEVERE, s, born);
            boolean positive =
                    s == InhibitorStatus.POSITIVE_LOW_RESPONDER || s == InhibitorStatus.POSITIVE_HIGH_RESPONDER;
            assertThat(Eligibility.meets(current, p, TODAY, null, false))
                    .as(s.name())
                    .isEqualTo(positive);
            assertThat(Eligibility.meets(none, p, TODAY, null, false))
                    .as(s.name() + ": an untested patient is not known to be without one")
                    .isEqualTo(!positive && s != InhibitorStatus.NOT_TESTED);
        }
    }

    @Test
    void agesAreWholeYearsOnTheDayBothEndsIncluded() {
        TrialCriteria c = criteria(InhibitorCriterion.ANY, 12, 17, PriorTreatment.ANY);
        // twelve today, seventeen until the day before their eighteenth birthday
        assertThat(meets(c, TODAY.minusYears(12))).isTrue();
        assertThat(meets(c, TODAY.minusYears(12).plusDays(1)))
                .as("11 until tomorrow")
                .isFalse();
        assertThat(meets(c, TODAY.minusYears(18).plusDays(1)))
                .as("17, turns 18 tomorrow")
                .isTrue();
        assertThat(meets(c, TODAY.minusYears(18))).as("18 today").isFalse();
    }

    private static boolean meets(TrialCriteria c, LocalDate born) {
        return Eligibility.meets(
                c,
                patient(DiagnosisType.HEMOPHILIA_A, Severity.SEVERE, InhibitorStatus.NEGATIVE, born),
                TODAY,
                null,
                false);
    }

    @Test
    void treatmentSoFar() {
        PatientSummary p = patient(
                DiagnosisType.HEMOPHILIA_A, Severity.SEVERE, InhibitorStatus.NEGATIVE, LocalDate.of(2025, 1, 1));
        TrialCriteria pup = criteria(InhibitorCriterion.ANY, null, null, PriorTreatment.PREVIOUSLY_UNTREATED);
        assertThat(Eligibility.meets(pup, p, TODAY, PriorTreatment.PREVIOUSLY_UNTREATED, true))
                .isTrue();
        assertThat(Eligibility.meets(pup, p, TODAY, PriorTreatment.FACTOR_PROPHYLAXIS, false))
                .isFalse();
        TrialCriteria emicizumab = criteria(InhibitorCriterion.ANY, null, null, PriorTreatment.EMICIZUMAB);
        assertThat(Eligibility.meets(emicizumab, p, TODAY, PriorTreatment.EMICIZUMAB, false))
                .isTrue();
        assertThat(Eligibility.meets(emicizumab, p, TODAY, PriorTreatment.FACTOR_PROPHYLAXIS, false))
                .isFalse();
        assertThat(Eligibility.meets(emicizumab, p, TODAY, null, false))
                .as("no plan")
                .isFalse();
        assertThat(Eligibility.treatmentOf(null, null, true)).isEqualTo(PriorTreatment.PREVIOUSLY_UNTREATED);
        assertThat(Eligibility.treatmentOf(null, null, false)).isNull();
    }
}
