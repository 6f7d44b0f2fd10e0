package org.hemonet.pk.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON layout of a population model file under {@code pk/models/} (pk-models.md, "Models"). Fields are nullable
 * here so that {@link PopulationModel#from} can name what is missing; the validated form is {@link PopulationModel}.
 *
 * <p>{@code molecules} are the INNs the model was fitted on, spelled as the product catalogue's {@code genericName}
 * (issue 20: a product may name only a model fitted on its molecule); {@code studyProducts} the brand names of the
 * study; {@code unverified}, when present, says which part of the model has not been checked against its source (shown
 * on the PK page).
 *
 * <p>{@code source} on a parameter, a covariate effect, an η, a correlation and the residual error names where its
 * numbers come from (paper and table, or the source-annotated file they were read from; issue 20). The loader refuses a
 * blank one; {@code ModelCatalogueTest} checks every shipped model gives one for every number.
 */
record ModelFile(
        @Nullable String id,
        @Nullable String name,
        @Nullable String factor,
        @Nullable String citation,
        @Nullable String source,
        @Nullable List<String> molecules,
        @Nullable List<String> studyProducts,
        @Nullable String unverified,
        @Nullable Integer compartments,
        @Nullable List<Covariate> covariates,
        @Nullable Map<String, Parameter> parameters,
        @Nullable List<Eta> eta,
        @Nullable List<Correlation> correlations,
        @Nullable Residual residual) {

    /**
     * A covariate: continuous with an accepted range ({@code min}–{@code max}, outside it the input is refused) and
     * optionally the range the study covered ({@code studiedMin}–{@code studiedMax}, outside it a warning says the
     * model extrapolates), or categorical with its levels.
     */
    record Covariate(
            @Nullable String name,
            @Nullable String unit,
            @Nullable Double min,
            @Nullable Double max,
            @Nullable Double studiedMin,
            @Nullable Double studiedMax,
            @Nullable List<String> levels) {}

    /** Typical value {@code typical} (in {@code unit}) times the product of the covariate effects. */
    record Parameter(
            @Nullable Double typical, @Nullable String unit, @Nullable List<Effect> effects, @Nullable String source) {}

    /**
     * A covariate effect, a factor on the typical value: {@code power} {@code (x/reference)^exponent}, {@code linear}
     * {@code 1 + slope·(x − reference)}, {@code exponential} {@code e^(coefficient·(x − reference))}, {@code
     * categorical} {@code e^(coefficient)} when the covariate equals {@code level}, else 1.
     */
    record Effect(
            @Nullable String type,
            @Nullable String covariate,
            @Nullable Double reference,
            @Nullable Double exponent,
            @Nullable Double slope,
            @Nullable Double coefficient,
            @Nullable String level,
            @Nullable String source) {}

    /** An inter-individual random effect: {@code P = TV · e^η}, ω = SD of η. */
    record Eta(@Nullable String parameter, @Nullable Double omega, @Nullable String source) {}

    /** Correlation between the η of two parameters. */
    record Correlation(@Nullable List<String> between, @Nullable Double r, @Nullable String source) {}

    /**
     * Residual error: {@code combined-sd} σ = a + b·ŷ (Monolix combined1), {@code combined-variance} σ² = a² + (b·ŷ)²
     * (NONMEM additive + proportional). {@code appliesTo} {@code observed} (ŷ includes the baseline) or {@code
     * exogenous} (ŷ is the infused factor only, baseline subtracted as in Koopman 2023).
     */
    record Residual(
            @Nullable String form,
            @Nullable Double additive,
            @Nullable Double proportional,
            @Nullable String appliesTo,
            @Nullable String source) {}
}
