package org.hemonet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hemonet.demo.DemoDiaryHistory.Persona;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.InhibitorStatus;
import org.hemonet.patient.PatientSummary;
import org.hemonet.patient.Severity;
import org.hemonet.patient.Sex;
import org.hemonet.product.DoseUnit;
import org.hemonet.supply.Regimen;
import org.hemonet.supply.Schedule;
import org.hemonet.supply.TreatmentPlan;
import org.junit.jupiter.api.Test;

/** Which demo patients show an attention rule on purpose. */
class DemoDiaryPersonasTest {

    static final UUID NORTH = UUID.nameUUIDFromBytes("north".getBytes());
    static final UUID WEST = UUID.nameUUIDFromBytes("west".getBytes());

    final List<PatientSummary> patients = new ArrayList<>();
    final Map<UUID, TreatmentPlan> plans = new HashMap<>();

    @Test
    void aCentreWithSixPatientsOnFactorProphylaxisShowsEachPersonaOnceAndKeepsTheRestTypical() {
        for (int i = 0; i < 6; i++) {
            add(
                    NORTH,
                    "Pat" + i,
                    "North",
                    Schedule.onWeekdays(Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), at(), zone()),
                    DoseUnit.IU);
        }
        PatientSummary tom = add(NORTH, "Tom", "Bradley", Schedule.everyNDays(2, at(), zone()), DoseUnit.IU);
        PatientSummary weekly = add(NORTH, "Weekly", "North", Schedule.everyNWeeks(1, at(), zone()), DoseUnit.IU);
        PatientSummary emicizumab = add(NORTH, "Emi", "North", Schedule.everyNWeeks(1, at(), zone()), DoseUnit.MG);
        PatientSummary onDemand = add(NORTH, "Od", "North", null, DoseUnit.IU);

        Map<UUID, Persona> personas = DemoDiaryLoader.personas(7L, patients, plans);

        assertThat(personas.values())
                .containsExactlyInAnyOrder(
                        Persona.NEW_TARGET_JOINT, Persona.SILENT, Persona.RISING_ABR, Persona.POOR_ADHERENCE);
        assertThat(personas).doesNotContainKeys(tom.id(), weekly.id(), emicizumab.id(), onDemand.id());
        assertThat(DemoDiaryLoader.personas(7L, patients, plans)).isEqualTo(personas);
    }

    @Test
    void aSmallCentreGivesAPersonaToTwoInThreeOfItsEligiblePatientsAtMost() {
        for (int i = 0; i < 3; i++) {
            add(WEST, "Pat" + i, "West", Schedule.everyNDays(3, at(), zone()), DoseUnit.IU);
        }
        assertThat(DemoDiaryLoader.personas(7L, patients, plans)).hasSize(2);
    }

    private static LocalTime at() {
        return LocalTime.of(7, 30);
    }

    private static ZoneId zone() {
        return ZoneId.of("Europe/London");
    }

    private PatientSummary add(UUID centre, String given, String family, Schedule schedule, DoseUnit unit) {
        PatientSummary p = new PatientSummary(
                UUID.nameUUIDFromBytes((given + family + centre).getBytes()),
                centre,
                given,
                family,
                LocalDate.of(1990, 1, 1),
                Sex.MALE,
                DiagnosisType.HEMOPHILIA_A,
                null,
                new BigDecimal("0.5"),
                null,
                Severity.SEVERE,
                new BigDecimal("70"),
                null,
                InhibitorStatus.NEGATIVE,
                null,
                ZoneId.of("Europe/London"));
        patients.add(p);
        plans.put(
                p.id(),
                new TreatmentPlan(
                        UUID.randomUUID(),
                        p.id(),
                        centre,
                        schedule == null ? Regimen.ON_DEMAND : Regimen.PROPHYLAXIS,
                        DemoCatalogue.OCTAVIA,
                        null,
                        unit,
                        new BigDecimal("2000"),
                        null,
                        null,
                        schedule,
                        LocalDate.of(2026, 1, 1),
                        null,
                        UUID.randomUUID(),
                        "Dr Test",
                        null,
                        1,
                        Instant.parse("2026-01-01T00:00:00Z"),
                        null,
                        null,
                        null));
        return p;
    }
}
