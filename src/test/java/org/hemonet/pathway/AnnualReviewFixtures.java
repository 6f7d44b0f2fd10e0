package org.hemonet.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.hemonet.support.ApiClient;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A test patient's year for an annual review, relative to the test clock: a diary from three years ago (one infusion),
 * four left-knee bleeds in the review's year and six in the year before, each 50+ days apart (no target joint), and two
 * HJHS 2.1 scores recorded by a physiotherapist through the API: total 5 eleven months ago, total 2 five days ago.
 */
public final class AnnualReviewFixtures {

    public static final int BLEEDS_THIS_YEAR = 4;
    public static final int BLEEDS_YEAR_BEFORE = 6;
    public static final int HJHS_BEFORE = 5;
    public static final int HJHS_NOW = 2;

    private AnnualReviewFixtures() {}

    /**
     * The ABR of {@code episodes} over a whole observed year of {@code days} days: episodes ÷ days × 365.25
     * (clinical.md §4), 2 decimals.
     */
    public static BigDecimal abr(int episodes, int days) {
        return BigDecimal.valueOf(episodes * 365.25 / days).setScale(2, RoundingMode.HALF_UP);
    }

    public static void diary(JdbcClient jdbc, UUID patient, ZoneId zone, LocalDate today) {
        jdbc.sql(
                        """
                        insert into diary.infusion (id, patient_id, administered_at, product_id, dose, unit, reason,
                            recorded_by)
                        values (:id, :p, :at, :product, 1000, 'IU', 'PROPHYLAXIS', 'test')""")
                .param("id", UUID.randomUUID())
                .param("p", patient)
                .param("at", today.minusYears(3).atTime(9, 0).atZone(zone).toOffsetDateTime())
                .param("product", UUID.randomUUID())
                .update();
        for (int i = 0; i < BLEEDS_THIS_YEAR; i++) {
            bleed(jdbc, patient, today.minusDays(20 + 80L * i).atTime(10, 0).atZone(zone));
        }
        LocalDate yearBefore = today.minusYears(1);
        for (int i = 0; i < BLEEDS_YEAR_BEFORE; i++) {
            bleed(
                    jdbc,
                    patient,
                    yearBefore.minusDays(10 + 55L * i).atTime(10, 0).atZone(zone));
        }
    }

    private static void bleed(JdbcClient jdbc, UUID patient, java.time.ZonedDateTime at) {
        jdbc.sql(
                        """
                        insert into diary.bleed (id, patient_id, started_at, site, cause, recorded_by)
                        values (:id, :p, :at, 'LEFT_KNEE', 'SPONTANEOUS', 'test')""")
                .param("id", UUID.randomUUID())
                .param("p", patient)
                .param("at", at.toOffsetDateTime())
                .update();
    }

    /** Two HJHS scores by the physiotherapist's API client: left knee swelling and gait only. */
    public static void jointScores(ApiClient physio, UUID patient, LocalDate today) {
        score(physio, patient, today.minusMonths(11), 3, 2);
        score(physio, patient, today.minusDays(5), 1, 1);
    }

    static void score(ApiClient physio, UUID patient, LocalDate on, int kneeSwelling, int gait) {
        String zero =
                """
                {"swelling": 0, "durationOfSwelling": 0, "muscleAtrophy": 0, "crepitus": 0, "flexionLoss": 0,
                 "extensionLoss": 0, "jointPain": 0, "strength": 0}""";
        String knee = zero.replace("\"swelling\": 0", "\"swelling\": " + kneeSwelling);
        var response = physio.postJson(
                "/api/v1/patients/" + patient + "/joint-scores",
                """
                {"assessedOn": "%s", "joints": {"LEFT_ELBOW": %s, "RIGHT_ELBOW": %s, "LEFT_KNEE": %s,
                 "RIGHT_KNEE": %s, "LEFT_ANKLE": %s, "RIGHT_ANKLE": %s}, "gait": %d}"""
                        .formatted(on, zero, zero, knee, zero, zero, zero, gait));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}
