package org.hemonet.diary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What outcome measures need of an infusion (clinical.md §3–§5): treatment injections of an episode, exposure days,
 * adherence and factor use. A stored {@link Infusion} is one; {@link BleedDiary#factsOf} reads only these columns.
 */
public interface InfusionFacts {

    Instant administeredAt();

    BigDecimal dose();

    DoseUnit unit();

    InfusionReason reason();

    @Nullable
    UUID bleedId();

    boolean isVoided();
}
