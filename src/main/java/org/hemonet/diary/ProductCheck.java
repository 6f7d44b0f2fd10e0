package org.hemonet.diary;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the diary asks of the product catalogue before it stores an infusion: does the product exist, is the dose in
 * its unit (IU of a factor concentrate, mg of emicizumab), does the batch belong to it (security.md §20).
 *
 * <p>The default implementation accepts any product; it is replaced by the product/supply modules (issue #5).
 */
public interface ProductCheck {

    /** Why the infusion cannot be accepted, naming the request field at fault; empty when it can. */
    Optional<ProductProblem> check(UUID productId, DoseUnit unit, @Nullable String batchNumber);

    /**
     * Has the product been withdrawn from the catalogue (issue 13)? A withdrawn product cannot be newly logged, nor
     * put on an infusion by a correction; an infusion of it logged before stays, and can still be corrected.
     */
    default boolean isWithdrawn(UUID productId) {
        return false;
    }
}
