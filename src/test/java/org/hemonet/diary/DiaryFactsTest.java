package org.hemonet.diary;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.hemonet.outcome.OutcomeEngine;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lean read behind outcomes ({@link BleedDiary#factsOf}, issue 6 "Scale") must carry exactly what the full read
 * carries for every living entry, in time order, and leave voided entries out: outcomes computed from either read are
 * the same.
 */
class DiaryFactsTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BleedDiary diary;

    final UUID patient = UUID.randomUUID();
    final Instant start = Instant.parse("2026-03-20T08:00:00Z");

    @Test
    void factsAreTheLivingEntriesFieldForFieldInTimeOrder() {
        UUID knee = bleed(start.plus(26, ChronoUnit.HOURS), "LEFT_KNEE", "TRAUMATIC", 7, true, 2, 1, false);
        UUID ankle = bleed(start.plus(5, ChronoUnit.DAYS), "RIGHT_ANKLE", "SPONTANEOUS", null, false, 0, 0, false);
        bleed(start.plus(3, ChronoUnit.HOURS), "NOSE", "UNKNOWN", 2, false, 0, 0, true);
        // written out of time order, one voided, one in mg, two treating bleeds
        infusion(start.plus(9, ChronoUnit.DAYS), "2000.00", "IU", "PROPHYLAXIS", null, false);
        infusion(start.plus(27, ChronoUnit.HOURS), "3500.50", "IU", "BLEED", knee, false);
        infusion(start, "2000.00", "IU", "PROPHYLAXIS", null, false);
        infusion(start.plus(2, ChronoUnit.DAYS), "2000.00", "IU", "PROPHYLAXIS", null, true);
        infusion(start.plus(5, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS), "3000.00", "IU", "BLEED", ankle, false);
        infusion(start.plus(8, ChronoUnit.DAYS), "105.00", "MG", "PROPHYLAXIS", null, false);

        BleedDiary.DiaryFacts facts = diary.factsOf(patient);
        BleedDiary.DiaryEntries entries = diary.entriesOf(patient);

        List<Bleed> living =
                entries.bleeds().stream().filter(b -> !b.isVoided()).toList();
        assertThat(facts.bleeds()).hasSize(2);
        for (int i = 0; i < living.size(); i++) {
            BleedFacts f = facts.bleeds().get(i);
            Bleed b = living.get(i);
            assertThat(List.<Object>of(
                            f.id(),
                            f.startedAt(),
                            f.site(),
                            f.cause(),
                            String.valueOf(f.pain()),
                            f.jointImmobilising(),
                            f.daysLostSchool(),
                            f.daysLostWork(),
                            f.isVoided()))
                    .isEqualTo(List.<Object>of(
                            b.id(),
                            b.startedAt(),
                            b.site(),
                            b.cause(),
                            String.valueOf(b.pain()),
                            b.jointImmobilising(),
                            b.daysLostSchool(),
                            b.daysLostWork(),
                            false));
        }
        List<Infusion> livingInfusions =
                entries.infusions().stream().filter(i -> !i.isVoided()).toList();
        assertThat(facts.infusions()).hasSize(5);
        assertThat(facts.infusions().stream().map(InfusionFacts::administeredAt))
                .isSorted()
                .containsExactlyElementsOf(
                        livingInfusions.stream().map(Infusion::administeredAt).toList());
        for (int i = 0; i < livingInfusions.size(); i++) {
            InfusionFacts f = facts.infusions().get(i);
            Infusion full = livingInfusions.get(i);
            assertThat(f.dose()).isEqualByComparingTo(full.dose());
            assertThat(List.<Object>of(f.unit(), f.reason(), String.valueOf(f.bleedId()), f.isVoided()))
                    .isEqualTo(List.<Object>of(full.unit(), full.reason(), String.valueOf(full.bleedId()), false));
        }
        assertThat(facts.infusions().get(1).bleedId()).isEqualTo(knee);
        assertThat(facts.infusions().get(3).unit()).isEqualTo(DoseUnit.MG);
        assertThat(facts.infusions().get(3).dose()).isEqualByComparingTo("105");

        ZoneId london = ZoneId.of("Europe/London");
        LocalDate from = LocalDate.of(2026, 3, 1);
        LocalDate to = LocalDate.of(2026, 4, 30);
        TreeMap<LocalDate, BigDecimal> weights = new TreeMap<>();
        weights.put(from, new BigDecimal("70"));
        var fromFacts = OutcomeEngine.compute(new OutcomeEngine.Input(
                london, from, to, to, null, facts.bleeds(), facts.infusions(), List.of(), List.of(), weights));
        var fromEntries = OutcomeEngine.compute(new OutcomeEngine.Input(
                london, from, to, to, null, entries.bleeds(), entries.infusions(), List.of(), List.of(), weights));
        assertThat(fromFacts).isEqualTo(fromEntries);
        assertThat(fromFacts.bleedEpisodes().total()).isEqualTo(2);
        assertThat(fromFacts.exposureDays()).isEqualTo(4);
    }

    @Test
    void theCentreReadHasEveryLivingBleedTheRecentInfusionsAndOlderOnesOnlyWhenTheyTreatABleed() {
        Instant since = start.plus(7, ChronoUnit.DAYS);
        UUID knee = bleed(start.plus(26, ChronoUnit.HOURS), "LEFT_KNEE", "TRAUMATIC", 7, true, 0, 0, false);
        bleed(start.plus(2, ChronoUnit.DAYS), "NOSE", "UNKNOWN", 2, false, 0, 0, true);
        infusion(start, "2000.00", "IU", "PROPHYLAXIS", null, false);
        infusion(start.plus(27, ChronoUnit.HOURS), "3500.00", "IU", "BLEED", knee, false);
        infusion(start.plus(28, ChronoUnit.HOURS), "3500.00", "IU", "BLEED", knee, true);
        infusion(start.plus(8, ChronoUnit.DAYS), "2000.00", "IU", "PROPHYLAXIS", null, false);
        UUID silent = UUID.randomUUID();

        var facts = diary.factsOf(List.of(patient, silent), since);

        assertThat(facts.get(patient).bleeds()).extracting(BleedFacts::id).containsExactly(knee);
        assertThat(facts.get(patient).infusions())
                .extracting(InfusionFacts::administeredAt)
                .containsExactly(start.plus(27, ChronoUnit.HOURS), start.plus(8, ChronoUnit.DAYS));
        assertThat(facts.get(silent).bleeds()).isEmpty();
        assertThat(facts.get(silent).infusions()).isEmpty();
    }

    @Test
    void aPatientWithoutEntriesHasNoFacts() {
        BleedDiary.DiaryFacts facts = diary.factsOf(UUID.randomUUID());
        assertThat(facts.bleeds()).isEmpty();
        assertThat(facts.infusions()).isEmpty();
    }

    private UUID bleed(
            Instant at,
            String site,
            String cause,
            Integer pain,
            boolean immobilising,
            int school,
            int work,
            boolean voided) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into diary.bleed (id, patient_id, started_at, site, cause, pain, joint_immobilising,
                            days_lost_school, days_lost_work, recorded_by, voided_at, voided_by, void_reason)
                        values (:id, :p, :at, :site, :cause, :pain, :immobilising, :school, :work, 'test',
                            :voidedAt, :voidedBy, :reason)""")
                .param("id", id)
                .param("p", patient)
                .param("at", Timestamp.from(at))
                .param("site", site)
                .param("cause", cause)
                .param("pain", pain)
                .param("immobilising", immobilising)
                .param("school", school)
                .param("work", work)
                .param("voidedAt", voided ? Timestamp.from(at.plusSeconds(60)) : null)
                .param("voidedBy", voided ? "test" : null)
                .param("reason", voided ? "entered twice" : null)
                .update();
        return id;
    }

    private void infusion(Instant at, String dose, String unit, String reason, UUID bleedId, boolean voided) {
        jdbc.sql(
                        """
                        insert into diary.infusion (id, patient_id, administered_at, product_id, batch_number, dose, unit,
                            reason, bleed_id, recorded_by, voided_at, voided_by, void_reason)
                        values (:id, :p, :at, :product, 'B1', :dose, :unit, :reason, :bleed, 'test', :voidedAt,
                            :voidedBy, :why)""")
                .param("id", UUID.randomUUID())
                .param("p", patient)
                .param("at", Timestamp.from(at))
                .param("product", UUID.randomUUID())
                .param("dose", new BigDecimal(dose))
                .param("unit", unit)
                .param("reason", reason)
                .param("bleed", bleedId)
                .param("voidedAt", voided ? Timestamp.from(at.plusSeconds(60)) : null)
                .param("voidedBy", voided ? "test" : null)
                .param("why", voided ? "entered twice" : null)
                .update();
    }
}
