package org.hemonet.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.NewPatient;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.Sex;
import org.hemonet.shared.Actor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.hemonet.support.DemoProducts;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link BleedDiary#importHistory}: a history written elsewhere is stored all or nothing, checked (no future, no voided
 * entry, a treated bleed of the same patient), for patients the importer may write only, with one audit event per
 * patient and no home-stock use.
 */
class DiaryImportTest extends IntegrationTest {

    @Autowired
    BleedDiary diary;

    @Autowired
    PatientRegistry patients;

    @Autowired
    JdbcClient jdbc;

    UUID north;
    UUID patient;
    UUID product;
    Actor importer;

    @BeforeEach
    void freshPatient() {
        north = jdbc.sql("select id from centre.centre where code = 'NORTH'")
                .query(UUID.class)
                .single();
        patient = UUID.randomUUID();
        patients.register(new NewPatient(
                patient,
                north,
                "Imp",
                "Importtest",
                LocalDate.of(1988, 2, 2),
                Sex.MALE,
                null,
                null,
                null,
                DiagnosisType.HEMOPHILIA_A,
                null,
                false,
                new BigDecimal("0.5"),
                LocalDate.of(2020, 1, 1),
                new BigDecimal("70"),
                LocalDate.of(2026, 1, 1),
                List.of(),
                null));
        product = DemoProducts.factorConcentrate(jdbc).productId();
        importer = new Actor(UUID.randomUUID(), "importer", "CLINICIAN", Set.of(north), Set.of());
    }

    Bleed bleed(UUID owner, Instant at) {
        return new Bleed(
                UUID.randomUUID(),
                owner,
                at,
                BleedSite.LEFT_KNEE,
                BleedCause.SPONTANEOUS,
                5,
                true,
                0,
                1,
                null,
                at,
                "importer",
                null,
                null,
                null);
    }

    Infusion infusion(UUID owner, Instant at, InfusionReason reason, UUID bleedId) {
        return new Infusion(
                UUID.randomUUID(),
                owner,
                at,
                product,
                null,
                new BigDecimal("2000"),
                DoseUnit.IU,
                reason,
                bleedId,
                null,
                null,
                at,
                "importer",
                null,
                null,
                null);
    }

    long count(String table) {
        return jdbc.sql("select count(*) from diary." + table + " where patient_id = :p")
                .param("p", patient)
                .query(Long.class)
                .single();
    }

    @Test
    void aHistoryIsStoredWithOneAuditEventAndNoHomeStockUse() {
        Instant at = Instant.now().minus(30, ChronoUnit.DAYS);
        Bleed bleed = bleed(patient, at);
        int stored = diary.importHistory(
                importer,
                List.of(bleed),
                List.of(
                        infusion(patient, at.plusSeconds(3600), InfusionReason.BLEED, bleed.id()),
                        infusion(patient, at.minusSeconds(86_400), InfusionReason.PROPHYLAXIS, null)));
        assertThat(stored).isEqualTo(3);
        assertThat(count("bleed")).isEqualTo(1);
        assertThat(count("infusion")).isEqualTo(2);
        assertThat(jdbc.sql(
                                "select count(*) from audit.event where patient_id = :p and resource_type = 'DiaryImport' and action = 'CREATE' and outcome = 'SUCCESS'")
                        .param("p", patient)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from supply.stock_use where patient_id = :p")
                        .param("p", patient)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(diary.entriesOf(patient).bleeds())
                .extracting(Bleed::jointImmobilising)
                .containsExactly(true);
    }

    @Test
    void anEntryInTheFutureRejectsTheWholeHistory() {
        Instant past = Instant.now().minus(3, ChronoUnit.DAYS);
        assertThatThrownBy(() -> diary.importHistory(
                        importer,
                        List.of(bleed(patient, past)),
                        List.of(infusion(
                                patient, Instant.now().plus(1, ChronoUnit.HOURS), InfusionReason.PROPHYLAXIS, null))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(count("bleed")).isZero();
        assertThat(count("infusion")).isZero();
    }

    @Test
    void anInfusionCannotTreatAnotherPatientsBleed() {
        UUID other = UUID.randomUUID();
        Instant past = Instant.now().minus(3, ChronoUnit.DAYS);
        Bleed theirs = bleed(other, past);
        assertThatThrownBy(() -> diary.importHistory(
                        importer, List.of(), List.of(infusion(patient, past, InfusionReason.BLEED, theirs.id()))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(count("infusion")).isZero();
    }

    @Test
    void anImporterOfAnotherCentreIsRefusedAsIfThePatientDidNotExistAndTheRefusalIsAudited() {
        Actor south = new Actor(UUID.randomUUID(), "importer", "CLINICIAN", Set.of(UUID.randomUUID()), Set.of());
        Instant past = Instant.now().minus(3, ChronoUnit.DAYS);
        assertThatThrownBy(() -> diary.importHistory(south, List.of(bleed(patient, past)), List.of()))
                .isInstanceOf(NotFoundException.class);
        assertThat(count("bleed")).isZero();
        assertThat(jdbc.sql(
                                "select count(*) from audit.event where patient_id = :p and resource_type = 'DiaryImport' and outcome = 'DENIED'")
                        .param("p", patient)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
