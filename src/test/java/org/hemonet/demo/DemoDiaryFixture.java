package org.hemonet.demo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hemonet.demo.DemoDiaryHistory.Persona;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.identity.NewAccount;
import org.hemonet.identity.Role;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.NewPatient;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.patient.Sex;
import org.hemonet.shared.Actor;
import org.hemonet.supply.Prescription;
import org.hemonet.supply.Regimen;
import org.hemonet.supply.Schedule;
import org.hemonet.supply.TreatmentPlans;
import org.hemonet.support.SignIn;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fresh severe haemophilia A patients of the North centre, one per persona, each with its own patient account and an
 * octocog alfa plan (30 IU/kg Mon/Wed/Fri since 200 days ago), given a generated diary history by the demo loader, so
 * that the demo patients other tests rely on keep their empty diaries.
 */
final class DemoDiaryFixture {

    record Patient(UUID id, String username, String fullName, Persona persona) {}

    private DemoDiaryFixture() {}

    static Map<Persona, Patient> create(
            JdbcClient jdbc,
            PatientRegistry patients,
            AccountAdministration accounts,
            TreatmentPlans plans,
            DemoDiaryLoader loader,
            String familyName,
            LocalDate today) {
        UUID north = jdbc.sql("select id from centre.centre where code = 'NORTH'")
                .query(UUID.class)
                .single();
        Actor prescriber =
                new Actor(DemoPlans.prescriberId(north), "Test haematologist", "CLINICIAN", Set.of(north), Set.of());
        Map<Persona, Patient> created = new LinkedHashMap<>();
        Map<UUID, Persona> personas = new LinkedHashMap<>();
        for (Persona persona : Persona.values()) {
            UUID id = UUID.randomUUID();
            String given =
                    switch (persona) {
                        case TYPICAL -> "Tess";
                        case POOR_ADHERENCE -> "Patch";
                        case NEW_TARGET_JOINT -> "Jo";
                        case SILENT -> "Quinn";
                        case RISING_ABR -> "Ray";
                    };
            patients.register(new NewPatient(
                    id,
                    north,
                    given,
                    familyName,
                    LocalDate.of(1994, 3, 8),
                    Sex.MALE,
                    null,
                    null,
                    null,
                    DiagnosisType.HEMOPHILIA_A,
                    null,
                    false,
                    new BigDecimal("0.5"),
                    LocalDate.of(2020, 1, 10),
                    new BigDecimal("70"),
                    today.minusMonths(2),
                    List.of(),
                    null));
            plans.prescribe(
                    prescriber,
                    id,
                    new Prescription(
                            Regimen.PROPHYLAXIS,
                            DemoCatalogue.OCTAVIA,
                            null,
                            null,
                            new BigDecimal("30"),
                            null,
                            Schedule.Kind.WEEKDAYS,
                            1,
                            Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
                            LocalTime.of(7, 30),
                            "Europe/London",
                            today.minusDays(200),
                            null,
                            null,
                            false));
            String username = "pt-" + id.toString().substring(0, 8);
            accounts.create(new NewAccount(
                    username,
                    given + " " + familyName,
                    Role.PATIENT,
                    SignIn.DEMO_PASSWORD,
                    Set.of(),
                    Map.of(id, "SELF"),
                    null));
            created.put(persona, new Patient(id, username, given + " " + familyName, persona));
            personas.put(id, persona);
        }
        List<PatientSummary> summaries = patients.allForAggregates().stream()
                .filter(p -> personas.containsKey(p.id()))
                .toList();
        DemoDiaryLoader.Result result = loader.load(summaries, personas);
        if (!result.personas().equals(personas)) {
            throw new IllegalStateException("history not generated for every patient: " + result.personas());
        }
        return created;
    }
}
