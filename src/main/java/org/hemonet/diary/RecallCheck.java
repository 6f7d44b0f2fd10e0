package org.hemonet.diary;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the diary asks of the supply module after an infusion is logged: has its batch been recalled (issue 5)? The
 * infusion is stored either way (it happened); the patient is warned with the returned text.
 *
 * <p>The default implementation knows of no recalls; it is replaced by the supply module.
 */
public interface RecallCheck {

    /** A warning for the patient when the batch has been recalled; empty when it has not (or none is named). */
    Optional<String> recallWarning(UUID productId, @Nullable String batchNumber);
}
