package org.hemonet.patient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a list or a home page shows of a patient. */
public record PatientSummary(
        UUID id,
        UUID centreId,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        Sex sex,
        DiagnosisType diagnosis,
        @Nullable String diagnosisSubtype,
        @Nullable BigDecimal baselineLevelIuPerDl,
        @Nullable LocalDate baselineMeasuredOn,
        @Nullable Severity severity,
        @Nullable BigDecimal weightKg,
        @Nullable LocalDate weighedOn,
        InhibitorStatus inhibitorStatus,
        @Nullable BigDecimal latestTitreBu,
        ZoneId timeZone) {

    public String fullName() {
        return givenName + " " + familyName;
    }

    public int ageOn(LocalDate date) {
        return Period.between(dateOfBirth, date).getYears();
    }
}
