package org.hemonet.lab;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A new result ({@code POST /api/v1/patients/{id}/lab-results}, issue 21). {@code method} is required for factor
 * activity; {@code unit} must be one the analyte accepts ({@link Analyte#units()}); the reference range is optional (the
 * analyte's default otherwise) and in the result's own unit.
 */
public record LabResultRequest(
        @Nullable Analyte analyte,
        @Nullable AssayMethod method,
        @Nullable BigDecimal value,
        @Nullable String unit,
        @Nullable LocalDate sampledOn,
        @Nullable BigDecimal referenceLow,
        @Nullable BigDecimal referenceHigh,
        @Nullable String laboratory) {

    public LabResultRequest(
            Analyte analyte, @Nullable AssayMethod method, BigDecimal value, String unit, LocalDate sampledOn) {
        this(analyte, method, value, unit, sampledOn, null, null, null);
    }
}
