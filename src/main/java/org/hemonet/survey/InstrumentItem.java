package org.hemonet.survey;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One question (FHIR {@code Questionnaire.item}).
 *
 * @param linkId the item's id: the key of its answer in {@code answers}
 * @param text the question
 * @param section the heading it is shown under (FHIR: the text of the enclosing {@code group} item), or null
 * @param type what it asks for
 * @param required whether it must be answered (FHIR {@code required}); "not applicable" is an answer
 * @param answerOptions the closed scale of a CHOICE item, in the order shown
 * @param minValue the lowest value (CHOICE: of its options)
 * @param maxValue the highest value (CHOICE: of its options)
 * @param lowAnchor words for the lowest value of an INTEGER item ("no pain")
 * @param highAnchor words for the highest value of an INTEGER item
 * @param notApplicable whether {@code "NA"} ("does not apply to me") is accepted
 * @param domain the domain it counts towards, or null
 * @param reverse whether a high value means a worse state in a domain where higher is better (reverse-keyed)
 */
public record InstrumentItem(
        String linkId,
        String text,
        @Nullable String section,
        ItemType type,
        boolean required,
        List<AnswerOption> answerOptions,
        int minValue,
        int maxValue,
        @Nullable String lowAnchor,
        @Nullable String highAnchor,
        boolean notApplicable,
        @Nullable String domain,
        boolean reverse) {

    public InstrumentItem {
        answerOptions = List.copyOf(answerOptions);
    }

    /** The values a person can choose, lowest first for INTEGER items, in the scale's order for CHOICE items. */
    public List<AnswerOption> choices() {
        if (type == ItemType.CHOICE) {
            return answerOptions;
        }
        List<AnswerOption> values = new java.util.ArrayList<>();
        for (int v = minValue; v <= maxValue; v++) {
            values.add(new AnswerOption(v, Integer.toString(v)));
        }
        return values;
    }

    /** Whether its options fit side by side on a phone (at most 5 short ones): shown as one row, not a list. */
    public boolean compactScale() {
        return type == ItemType.CHOICE
                && answerOptions.size() <= 5
                && answerOptions.stream().allMatch(o -> o.display().length() <= 12);
    }

    /** The words of a value on this item's scale, or the number itself. */
    public String displayOf(int value) {
        return answerOptions.stream()
                .filter(o -> o.value() == value)
                .map(AnswerOption::display)
                .findFirst()
                .orElse(Integer.toString(value));
    }
}
