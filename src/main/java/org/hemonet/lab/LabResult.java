package org.hemonet.lab;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One laboratory result.
 *
 * @param value and {@code unit}: as the laboratory reported them
 * @param canonicalValue the value in {@link Analyte#canonicalUnit()}
 * @param referenceLow the reference range in the canonical unit: the laboratory's, else the analyte's default
 * @param flag {@code LOW}, {@code HIGH} or {@code NORMAL} against the reference range
 */
public record LabResult(
        UUID id,
        UUID patientId,
        Analyte analyte,
        @Nullable AssayMethod method,
        BigDecimal value,
        String unit,
        BigDecimal canonicalValue,
        String canonicalUnit,
        @Nullable BigDecimal referenceLow,
        @Nullable BigDecimal referenceHigh,
        String flag,
        LocalDate sampledOn,
        String source,
        @Nullable String laboratory,
        String recordedBy,
        Instant recordedAt,
        @Nullable Instant voidedAt,
        @Nullable String voidReason) {

    public boolean isVoided() {
        return voidedAt != null;
    }

    /** Above the upper limit of the reference range (for ALT: above the upper limit of normal). */
    public boolean isAboveRange() {
        return referenceHigh != null && canonicalValue.compareTo(referenceHigh) > 0;
    }
}
