package org.hemonet.pk;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A population model as listed to clinicians: id, what it is for, its source, the molecules it was fitted on (catalogue
 * generic names, issue 20), the brand names of its study, what is not yet verified against the source (null when all
 * is) and the covariates it needs.
 */
public record PkModelSummary(
        String id,
        String name,
        String factor,
        String citation,
        List<String> molecules,
        List<String> studyProducts,
        @Nullable String unverified,
        int compartments,
        List<String> covariates,
        List<String> etaParameters) {

    /** Whether the model was fitted on the molecule (a product's generic name, compared ignoring case). */
    public boolean fittedOn(String genericName) {
        return molecules.stream().anyMatch(m -> m.equalsIgnoreCase(genericName.strip()));
    }
}
