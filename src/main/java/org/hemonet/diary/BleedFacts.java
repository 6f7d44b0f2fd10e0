package org.hemonet.diary;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What outcome measures need of a bleed (clinical.md §3–§4): the episode rule, ABR, target joints, pain and days lost.
 * A stored {@link Bleed} is one; {@link BleedDiary#factsOf} reads only these columns, for speed over long periods.
 */
public interface BleedFacts {

    UUID id();

    Instant startedAt();

    BleedSite site();

    BleedCause cause();

    @Nullable
    Integer pain();

    boolean jointImmobilising();

    int daysLostSchool();

    int daysLostWork();

    boolean isVoided();
}
