package org.hemonet.pk;

import org.hemonet.product.PkModelFit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The product catalogue's check that a product names only a PK model fitted on its molecule (issue 20). */
@Component
class ProductModelFit implements PkModelFit {

    private final PkEstimator estimator;

    ProductModelFit(PkEstimator estimator) {
        this.estimator = estimator;
    }

    @Override
    public @Nullable String refusal(String pkModelId, String genericName) {
        return estimator.refusal(pkModelId, genericName);
    }
}
