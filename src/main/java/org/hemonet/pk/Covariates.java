package org.hemonet.pk;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Covariate values by the names the model files use ({@code weightKg}, {@code ageYears}, {@code product}): numbers
 * for continuous covariates, level names for categorical ones. Which ones are required depends on the model.
 */
public record Covariates(Map<String, Object> values) {

    public Covariates {
        values = Map.copyOf(values);
    }

    /** Weight and age, the covariates of most FVIII/FIX models. */
    public static Covariates of(double weightKg, double ageYears) {
        return new Covariates(Map.of("weightKg", weightKg, "ageYears", ageYears));
    }

    /** Weight, age and product (categorical), e.g. for {@code fviii-allard-2020}. */
    public static Covariates of(double weightKg, double ageYears, String product) {
        return new Covariates(Map.of("weightKg", weightKg, "ageYears", ageYears, "product", product));
    }

    public @Nullable Object get(String name) {
        return values.get(name);
    }

    /** Body weight in kg, if given as a number. */
    public @Nullable Double weightKg() {
        return values.get("weightKg") instanceof Number n ? n.doubleValue() : null;
    }

    public Covariates with(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new Covariates(copy);
    }
}
