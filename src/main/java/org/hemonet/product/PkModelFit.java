package org.hemonet.product;

import org.jspecify.annotations.Nullable;

/**
 * Whether a product may name a population PK model (issue 20): the model must have been fitted on the product's
 * molecule. Implemented by the {@code pk} module, which owns the models; the catalogue asks it before it stores a
 * product.
 */
public interface PkModelFit {

    /** Null when {@code pkModelId} was fitted on {@code genericName}; otherwise a message saying why not. */
    @Nullable
    String refusal(String pkModelId, String genericName);
}
