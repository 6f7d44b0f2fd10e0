package org.hemonet.survey;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A patient's answers to one instrument version: a DRAFT being filled in, or SUBMITTED with its scores (VOIDED ones are
 * kept, never shown as results).
 *
 * @param answers by item linkId: a whole number, or {@code "NA"}
 * @param scores by domain id (docs/surveys.md "Scoring rules"); empty for a draft
 * @param unscored domains with too few answered items to score
 */
public record SurveyResponse(
        UUID id,
        UUID patientId,
        String instrumentId,
        int instrumentVersion,
        String title,
        String status,
        Map<String, Object> answers,
        Map<String, BigDecimal> scores,
        List<String> unscored,
        String answeredByRole,
        Instant startedAt,
        Instant savedAt,
        @Nullable Instant submittedAt) {

    public boolean isSubmitted() {
        return "SUBMITTED".equals(status);
    }
}
