package org.hemonet.lab;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a laboratory result measures, with its canonical unit, the units accepted on entry (and their factor to the
 * canonical one) and Hemonet's default reference range, used when the laboratory sends none. The names are stored and
 * part of the API; never rename one.
 */
public enum Analyte {
    /** FVIII activity; 1 IU/mL = 100 IU/dL = 100 % (clinical.md §1). Reference 50–150 IU/dL. */
    FVIII_ACTIVITY("IU/dL", Map.of("IU/dL", "1", "%", "1", "IU/mL", "100"), "50", "150", true),
    /** FIX activity, as FVIII. */
    FIX_ACTIVITY("IU/dL", Map.of("IU/dL", "1", "%", "1", "IU/mL", "100"), "50", "150", true),
    /** Alanine aminotransferase; U/L = IU/L; 1 µkat/L = 60 U/L. Default upper limit of normal 40 U/L (laboratories vary). */
    ALT("U/L", Map.of("U/L", "1", "IU/L", "1", "µkat/L", "60", "ukat/L", "60"), "0", "40", false),
    /** Aspartate aminotransferase, as ALT. */
    AST("U/L", Map.of("U/L", "1", "IU/L", "1", "µkat/L", "60", "ukat/L", "60"), "0", "40", false),
    /** Antithrombin activity in % of normal (= IU/dL); 1 IU/mL = 100 %. Reference 80–120 %. */
    ANTITHROMBIN("%", Map.of("%", "1", "IU/dL", "1", "IU/mL", "100"), "80", "120", false);

    private final String canonicalUnit;
    private final Map<String, BigDecimal> units;
    private final BigDecimal defaultLow;
    private final BigDecimal defaultHigh;
    private final boolean factorActivity;

    Analyte(String canonicalUnit, Map<String, String> units, String low, String high, boolean factorActivity) {
        this.canonicalUnit = canonicalUnit;
        this.units = Map.copyOf(units.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> new BigDecimal(e.getValue()))));
        this.defaultLow = new BigDecimal(low);
        this.defaultHigh = new BigDecimal(high);
        this.factorActivity = factorActivity;
    }

    public String canonicalUnit() {
        return canonicalUnit;
    }

    /** The units accepted on entry, canonical first. */
    public java.util.List<String> units() {
        return units.keySet().stream()
                .sorted(java.util.Comparator.comparing((String u) -> !u.equals(canonicalUnit))
                        .thenComparing(u -> u))
                .toList();
    }

    public BigDecimal defaultLow() {
        return defaultLow;
    }

    public BigDecimal defaultHigh() {
        return defaultHigh;
    }

    /** Factor activity, measured by a one-stage or chromogenic assay (the method is then required). */
    public boolean isFactorActivity() {
        return factorActivity;
    }

    /** The factor to multiply a value in {@code unit} by to get the canonical unit, or null for a unit not accepted. */
    public @Nullable BigDecimal toCanonical(String unit) {
        BigDecimal exact = units.get(unit);
        if (exact != null) {
            return exact;
        }
        return units.entrySet().stream()
                .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(unit.toLowerCase(Locale.ROOT)))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    /** The analyte for a factor ({@code FVIII} or {@code FIX}), or null. */
    public static @Nullable Analyte activityOf(@Nullable String factor) {
        return "FVIII".equals(factor) ? FVIII_ACTIVITY : "FIX".equals(factor) ? FIX_ACTIVITY : null;
    }
}
