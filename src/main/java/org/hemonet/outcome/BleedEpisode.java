package org.hemonet.outcome;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hemonet.diary.BleedCause;
import org.hemonet.diary.BleedSite;
import org.jspecify.annotations.Nullable;

/**
 * One bleed episode by the ISTH 72-hour rule (clinical.md §3): the bleeds at one site and their treatment injections,
 * each no more than 72 h after the previous event of the episode.
 *
 * @param start the first event (a bleed's start, or an injection that opened a new episode)
 * @param end the last event: its last treatment injection, or the start of its last bleed if that came later
 * @param cause the cause of the first bleed
 * @param pain the highest pain of its bleeds, null when none was given
 * @param daysLostSchool summed over its bleeds
 */
public record BleedEpisode(
        BleedSite site,
        Instant start,
        Instant end,
        BleedCause cause,
        boolean treated,
        @Nullable Integer pain,
        boolean jointImmobilising,
        int daysLostSchool,
        int daysLostWork,
        List<UUID> bleedIds) {}
