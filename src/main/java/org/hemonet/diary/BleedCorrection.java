package org.hemonet.diary;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A correction of a bleed ({@code POST /api/v1/patients/{id}/bleeds/{bleedId}/corrections}): the version it corrects
 * (security.md §18), why, and the new values; a value left out keeps the current one.
 */
public record BleedCorrection(
        @Nullable Integer version,
        @Nullable String reason,
        @Nullable Instant startedAt,
        @Nullable BleedSite site,
        @Nullable BleedCause cause,
        @Nullable Integer pain,
        @Nullable Boolean jointImmobilising,
        @Nullable Integer daysLostSchool,
        @Nullable Integer daysLostWork,
        @Nullable String note) {

    /** The same correction expected to apply to {@code expected} (the If-Match header's version). */
    public BleedCorrection withVersion(int expected) {
        return new BleedCorrection(
                expected, reason, startedAt, site, cause, pain, jointImmobilising, daysLostSchool, daysLostWork, note);
    }

    BleedRequest over(Bleed current) {
        return new BleedRequest(
                startedAt != null ? startedAt : current.startedAt(),
                site != null ? site : current.site(),
                cause != null ? cause : current.cause(),
                pain != null ? pain : current.pain(),
                jointImmobilising != null ? jointImmobilising : current.jointImmobilising(),
                daysLostSchool != null ? daysLostSchool : current.daysLostSchool(),
                daysLostWork != null ? daysLostWork : current.daysLostWork(),
                note != null ? note : current.note());
    }
}
