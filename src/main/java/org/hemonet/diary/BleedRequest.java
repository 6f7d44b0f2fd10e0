package org.hemonet.diary;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A bleed as a client sends it ({@code POST /api/v1/patients/{id}/bleeds}, or an entry of a sync batch). Only these
 * fields can be set (security.md §5). Nulls are refused by {@link BleedDiary} naming the field.
 */
public record BleedRequest(
        @Nullable Instant startedAt,
        @Nullable BleedSite site,
        @Nullable BleedCause cause,
        @Nullable Integer pain,
        @Nullable Boolean jointImmobilising,
        @Nullable Integer daysLostSchool,
        @Nullable Integer daysLostWork,
        @Nullable String note) {}
