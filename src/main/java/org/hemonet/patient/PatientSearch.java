package org.hemonet.patient;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Search criteria over the patients an actor may see; a page is {@code size} rows, the first page is 0. */
public record PatientSearch(
        @Nullable String text,
        @Nullable Severity severity,
        @Nullable UUID centreId,
        @Nullable DiagnosisType diagnosis,
        @Nullable Boolean inhibitor,
        int page,
        int size) {

    public static final int MAX_SIZE = 100;

    public static PatientSearch all() {
        return new PatientSearch(null, null, null, null, null, 0, MAX_SIZE);
    }

    /** One page of results and the number of matches in all. */
    public record Page(List<PatientSummary> items, int page, int size, int total) {}
}
