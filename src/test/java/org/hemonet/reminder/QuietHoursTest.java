package org.hemonet.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Quiet hours hold a reminder until they end, across midnight and daylight-saving changes. */
class QuietHoursTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(LONDON).toInstant();
    }

    @Test
    void aReminderInsideOvernightQuietHoursWaitsUntilTheMorning() {
        QuietHours night = new QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 0));

        assertThat(night.deliveryOf(at("2026-12-07T22:30"), LONDON)).isEqualTo(at("2026-12-08T07:00"));
        assertThat(night.deliveryOf(at("2026-12-08T06:59"), LONDON)).isEqualTo(at("2026-12-08T07:00"));
        assertThat(night.deliveryOf(at("2026-12-07T21:00"), LONDON)).isEqualTo(at("2026-12-08T07:00"));
    }

    @Test
    void aReminderOutsideQuietHoursGoesAtItsTime() {
        QuietHours night = new QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 0));

        assertThat(night.deliveryOf(at("2026-12-07T07:00"), LONDON)).isEqualTo(at("2026-12-07T07:00"));
        assertThat(night.deliveryOf(at("2026-12-07T20:59"), LONDON)).isEqualTo(at("2026-12-07T20:59"));
    }

    @Test
    void daytimeQuietHoursEndTheSameDay() {
        QuietHours school = new QuietHours(LocalTime.of(9, 0), LocalTime.of(15, 30));

        assertThat(school.deliveryOf(at("2026-12-07T10:00"), LONDON)).isEqualTo(at("2026-12-07T15:30"));
        assertThat(school.deliveryOf(at("2026-12-07T16:00"), LONDON)).isEqualTo(at("2026-12-07T16:00"));
    }

    @Test
    void theEndIsCountedInLocalTimeAcrossTheClockChange() {
        QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));

        // clocks go forward at 01:00 on 29 March 2026 in London: the night is an hour shorter in UTC
        assertThat(night.deliveryOf(at("2026-03-28T23:00"), LONDON)).isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
    }

    @Test
    void quietHoursHaveALength() {
        assertThatThrownBy(() -> new QuietHours(LocalTime.NOON, LocalTime.NOON))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
