package org.hemonet.survey;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Checks answers against an instrument and computes its domain scores (docs/surveys.md "Scoring rules"). Pure: no
 * database, no clock; the same answers always give the same scores.
 *
 * <p>An answer is a whole number on the item's scale, or {@code "NA"} where the item allows "does not apply to me";
 * {@code null} (or no key) is unanswered. Every fault is an {@link InvalidInputException} naming the item as
 * {@code answers.<linkId>}, the first in the instrument's order.
 */
public final class SurveyScoring {

    /** The text of a "not applicable" answer. */
    public static final String NOT_APPLICABLE = "NA";

    private static final MathContext WORKING = MathContext.DECIMAL64;

    private SurveyScoring() {}

    /**
     * Checked answers: the values given, in the instrument's order, each an {@link Integer} or {@link #NOT_APPLICABLE}.
     */
    public record Checked(Map<String, Object> answers) {}

    /** Scores computed from complete answers; {@code unscored} lists domains with too few answered items. */
    public record Scored(Map<String, Object> answers, Map<String, BigDecimal> scores, List<String> unscored) {}

    /**
     * Checks the answers given so far (a draft): every value given must be on its item's scale; unanswered items are
     * allowed.
     */
    public static Checked check(Instrument instrument, @Nullable Map<String, ? extends @Nullable Object> given) {
        return new Checked(values(instrument, given, false));
    }

    /** Checks complete answers (every required item answered) and scores them. */
    public static Scored score(Instrument instrument, @Nullable Map<String, ? extends @Nullable Object> given) {
        Map<String, Object> answers = values(instrument, given, true);
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        List<String> unscored = new ArrayList<>();
        for (Domain domain : instrument.domains()) {
            BigDecimal score = domainScore(instrument, domain, answers);
            if (score == null) {
                unscored.add(domain.id());
            } else {
                scores.put(domain.id(), score);
            }
        }
        return new Scored(answers, Collections.unmodifiableMap(scores), List.copyOf(unscored));
    }

    /** One domain's score, or null when fewer than its {@code minAnswered} items have a value. */
    static @Nullable BigDecimal domainScore(Instrument instrument, Domain domain, Map<String, Object> answers) {
        List<BigDecimal> parts = new ArrayList<>();
        for (InstrumentItem item : instrument.items()) {
            if (!domain.id().equals(item.domain()) || !(answers.get(item.linkId()) instanceof Integer value)) {
                continue;
            }
            parts.add(
                    switch (domain.method()) {
                        case PERCENT -> percent(item, value);
                        case MEAN, SUM -> BigDecimal.valueOf(value);
                    });
        }
        if (parts.isEmpty() || parts.size() < domain.minAnswered()) {
            return null;
        }
        BigDecimal sum = parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal score =
                domain.method() == ScoringMethod.SUM ? sum : sum.divide(BigDecimal.valueOf(parts.size()), WORKING);
        return score.setScale(1, RoundingMode.HALF_UP);
    }

    /** An item's value as 0–100 of its scale, reversed for a reverse-keyed item. */
    private static BigDecimal percent(InstrumentItem item, int value) {
        int span = item.maxValue() - item.minValue();
        int distance = item.reverse() ? item.maxValue() - value : value - item.minValue();
        return BigDecimal.valueOf(distance * 100L).divide(BigDecimal.valueOf(span), WORKING);
    }

    private static Map<String, Object> values(
            Instrument instrument, @Nullable Map<String, ? extends @Nullable Object> given, boolean complete) {
        Map<String, ? extends @Nullable Object> answers = given == null ? Map.of() : given;
        for (String key : answers.keySet()) {
            if (instrument.item(key).isEmpty()) {
                throw new InvalidInputException(
                        "answers." + key, "'" + key + "' is not an item of " + instrument.title() + ".");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (InstrumentItem item : instrument.items()) {
            Object value = valueOf(item, answers.get(item.linkId()));
            if (value != null) {
                values.put(item.linkId(), value);
            } else if (complete && item.required()) {
                throw new InvalidInputException("answers." + item.linkId(), "Answer this question: " + item.text());
            }
        }
        return Collections.unmodifiableMap(values);
    }

    private static @Nullable Object valueOf(InstrumentItem item, @Nullable Object raw) {
        if (raw == null) {
            return null;
        }
        String field = "answers." + item.linkId();
        if (raw instanceof String text) {
            if (text.isBlank()) {
                return null;
            }
            if (NOT_APPLICABLE.equals(text.strip())) {
                if (!item.notApplicable()) {
                    throw new InvalidInputException(field, "'Does not apply' is not an answer to: " + item.text());
                }
                return NOT_APPLICABLE;
            }
            throw new InvalidInputException(field, range(item));
        }
        if (!(raw instanceof Number number) || !isWhole(number)) {
            throw new InvalidInputException(field, range(item));
        }
        long value = number.longValue();
        boolean onScale = item.type() == ItemType.CHOICE
                ? item.answerOptions().stream().anyMatch(o -> o.value() == value)
                : value >= item.minValue() && value <= item.maxValue();
        if (!onScale) {
            throw new InvalidInputException(field, range(item));
        }
        return (int) value;
    }

    private static boolean isWhole(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            return true;
        }
        if (number instanceof java.math.BigInteger) {
            return number.toString().length() < 10;
        }
        double d = number.doubleValue();
        return !Double.isNaN(d) && !Double.isInfinite(d) && d == Math.rint(d) && Math.abs(d) < 1e9;
    }

    private static String range(InstrumentItem item) {
        String values = item.type() == ItemType.CHOICE
                ? "one of "
                        + String.join(
                                ", ",
                                item.answerOptions().stream()
                                        .map(o -> Integer.toString(o.value()))
                                        .toList())
                : "a whole number from " + item.minValue() + " to " + item.maxValue();
        return "The answer must be " + values + (item.notApplicable() ? " or \"NA\"" : "") + ".";
    }
}
