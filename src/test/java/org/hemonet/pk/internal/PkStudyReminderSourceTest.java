package org.hemonet.pk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.hemonet.pk.PkRecords;
import org.hemonet.pk.SavedStudy;
import org.hemonet.reminder.DueReminder;
import org.junit.jupiter.api.Test;

/**
 * The PK-study-due reminder (issue 16): two years after the study the regimen was signed off from, less two weeks, at
 * 10:00 the patient's time (British summer time here); nothing without a signed-off study, nothing outside the window.
 */
class PkStudyReminderSourceTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    final UUID patient = UUID.randomUUID();

    PkStudyReminderSource source(SavedStudy study) {
        PkRecords records = mock(PkRecords.class);
        when(records.latestSignedOff(patient)).thenReturn(Optional.ofNullable(study));
        return new PkStudyReminderSource(records, Period.ofYears(2));
    }

    @Test
    void twoWeeksBeforeTheStudyIsTwoYearsOld() {
        SavedStudy study = mock(SavedStudy.class);
        when(study.signedOffAt()).thenReturn(Instant.parse("2025-07-01T14:00:00Z"));
        // due 2027-07-01; reminded 2027-06-17 at 10:00 London (09:00 UTC, summer time)
        Instant expected = Instant.parse("2027-06-17T09:00:00Z");
        var inWindow = source(study)
                .dueBetween(
                        patient, LONDON, Instant.parse("2027-06-17T00:00:00Z"), Instant.parse("2027-06-18T00:00:00Z"));
        assertThat(inWindow).extracting(DueReminder::dueAt).containsExactly(expected);
        assertThat(inWindow.get(0).kind()).isEqualTo("PK_STUDY");
        assertThat(inWindow.get(0).detail()).isEqualTo("2027-07-01");
        assertThat(source(study).dueBetween(patient, LONDON, expected.plusSeconds(1), expected.plusSeconds(86_400)))
                .isEmpty();
    }

    @Test
    void noSignedOffStudyNoReminder() {
        assertThat(source(null)
                        .dueBetween(
                                patient,
                                LONDON,
                                Instant.parse("2027-01-01T00:00:00Z"),
                                Instant.parse("2029-01-01T00:00:00Z")))
                .isEmpty();
    }
}
