package org.hemonet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.hemonet.centre.CentreType;
import org.hemonet.identity.Role;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.InhibitorStatus;
import org.hemonet.patient.NewPatient;
import org.hemonet.patient.Severity;
import org.hemonet.patient.Sex;
import org.junit.jupiter.api.Test;

class DemoNetworkPlanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private final DemoNetworkPlan plan = DemoNetworkPlan.generate(20261127L, TODAY);

    @Test
    void sameSeedAndDayGiveTheSameNetwork() {
        DemoNetworkPlan again = DemoNetworkPlan.generate(20261127L, TODAY);
        assertThat(again.patients()).isEqualTo(plan.patients());
        assertThat(again.centres()).isEqualTo(plan.centres());
        assertThat(again.accounts()).isEqualTo(plan.accounts());
        assertThat(again.weights()).isEqualTo(plan.weights());
    }

    @Test
    void anotherSeedGivesAnotherNetwork() {
        assertThat(DemoNetworkPlan.generate(1L, TODAY).patients()).isNotEqualTo(plan.patients());
    }

    @Test
    void hasTheNetworkShapeOfTheFoundationIssue() {
        assertThat(plan.regions()).hasSizeGreaterThanOrEqualTo(3).allMatch(r -> r.population() > 0);
        assertThat(plan.centres()).hasSize(4);
        assertThat(plan.centres().stream().filter(c -> c.type() == CentreType.COMPREHENSIVE_CARE_CENTRE))
                .hasSize(2);
        assertThat(plan.patients()).hasSizeGreaterThanOrEqualTo(60);
    }

    @Test
    void hasARealisticMixOfDiagnoses() {
        List<NewPatient> patients = plan.patients();
        long a = count(patients, DiagnosisType.HEMOPHILIA_A);
        long b = count(patients, DiagnosisType.HEMOPHILIA_B);
        assertThat((double) a / b).isBetween(3.5, 7.0);
        long severe =
                patients.stream().filter(p -> severity(p) == Severity.SEVERE).count();
        assertThat((double) severe / patients.size()).isBetween(0.25, 0.42);
        assertThat(patients.stream()
                        .filter(p -> p.sex() == Sex.FEMALE && p.diagnosis().isHemophilia())
                        .count())
                .isGreaterThanOrEqualTo(3);
        assertThat(count(patients, DiagnosisType.VON_WILLEBRAND_DISEASE)).isGreaterThanOrEqualTo(3);
        long withInhibitor = patients.stream()
                .filter(p -> InhibitorStatus.of(
                                p.inhibitorTests().stream()
                                        .map(t -> new InhibitorStatus.Result(
                                                t.sampledOn(),
                                                org.hemonet.patient.BethesdaTitre.compute(
                                                        t.residualActivityPercent(), t.dilution())))
                                        .toList(),
                                InhibitorStatus.DEFAULT_POSITIVE_THRESHOLD_BU)
                        .isPositive())
                .count();
        assertThat(withInhibitor).isBetween(1L, 8L);
    }

    @Test
    void hasTheDemoLoginsOfTheReadme() {
        assertThat(plan.accounts().stream().map(a -> a.account().username()))
                .contains(
                        "admin",
                        "clinician.north",
                        "nurse.north",
                        "clinician.south",
                        "analyst",
                        "patient.tom",
                        "parent.sara");
        var sara = plan.accounts().stream()
                .filter(a -> a.account().username().equals("parent.sara"))
                .findFirst()
                .orElseThrow();
        assertThat(sara.account().patients()).hasSize(2).containsValues("GUARDIAN");
        assertThat(sara.account().role()).isEqualTo(Role.PATIENT);
        var tom = plan.patients().stream()
                .filter(p -> p.givenName().equals("Tom") && p.familyName().equals("Bradley"))
                .findFirst()
                .orElseThrow();
        assertThat(severity(tom)).isEqualTo(Severity.SEVERE);
        assertThat(tom.dateOfBirth()).isBefore(TODAY.minusYears(18));
    }

    @Test
    void givesEveryPatientTwelveMonthsOfWeights() {
        for (NewPatient patient : plan.patients()) {
            long later = plan.weights().stream()
                    .filter(w -> w.patientId().equals(patient.id()))
                    .count();
            assertThat(later).isEqualTo(3);
            assertThat(patient.weighedOn()).isBetween(TODAY.minusMonths(12), TODAY.minusMonths(11));
        }
    }

    @Test
    void nationalIdsAreValidNhsNumbers() {
        for (NewPatient patient : plan.patients()) {
            String nhs = patient.nationalId();
            assertThat(nhs).hasSize(10).startsWith("999");
            assertThat(NhsNumbers.checkDigit(nhs.substring(0, 9))).isEqualTo(nhs.charAt(9) - '0');
        }
    }

    private static long count(List<NewPatient> patients, DiagnosisType type) {
        return patients.stream().filter(p -> p.diagnosis() == type).count();
    }

    private static Severity severity(NewPatient p) {
        return Severity.derive(p.diagnosis(), p.sex(), p.baselineLevelIuPerDl(), p.bleedingPhenotype());
    }
}
