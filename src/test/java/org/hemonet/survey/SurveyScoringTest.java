package org.hemonet.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.survey.internal.InstrumentCatalogue;
import org.hemonet.survey.internal.InstrumentDefinitions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scoring rules of docs/surveys.md on answers worked out by hand (the arithmetic is in each test's comments), the
 * missing-item rule, the 400s naming the item, the validation of a centre's definition, and when a schedule is due.
 */
class SurveyScoringTest {

    static Map<String, Instrument> instruments = new HashMap<>();

    @BeforeAll
    static void loadTheShippedInstruments() throws IOException {
        for (Instrument i : InstrumentCatalogue.builtIn()) {
            instruments.put(i.id(), i);
        }
    }

    static Map<String, Object> answers(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void lifeDomainsAreZeroToHundredWithReverseKeyedItemsTurnedRound() {
        // 1..5 scale: percent = (v − 1) / 4 × 100; reverse-keyed: (5 − v) / 4 × 100
        SurveyScoring.Scored scored = SurveyScoring.score(
                instruments.get("hemonet-life"),
                answers(
                        "body-1", 2, // reverse: 3/4 = 75
                        "body-2", 4, // 75
                        "body-3", 5, // 100 → (75 + 75 + 100) / 3 = 83.33 → 83.3
                        "activity-1", 3, // 50
                        "activity-2", 4, // reverse: 1/4 = 25
                        "activity-3", 5, // 100 → 175 / 3 = 58.33 → 58.3
                        "treatment-1", 1, // reverse: 100
                        "treatment-2", 4, // 75 → 87.5
                        "feelings-1", 5, // reverse: 0
                        "feelings-2", 1, // 0 → 0.0
                        "people-1", 5, // 100
                        "people-2", 1)); // reverse: 100 → 100.0
        assertThat(scored.scores())
                .containsExactly(
                        Map.entry("body", d("83.3")),
                        Map.entry("activity", d("58.3")),
                        Map.entry("treatment", d("87.5")),
                        Map.entry("feelings", d("0.0")),
                        Map.entry("people", d("100.0")));
        assertThat(scored.unscored()).isEmpty();
    }

    @Test
    void aLifeDomainWithLessThanHalfItsItemsAnsweredIsNotScored() {
        SurveyScoring.Scored scored = SurveyScoring.score(
                instruments.get("hemonet-life"),
                answers(
                        "body-1", 3, // 1 of 3 answered: fewer than 2 → not scored
                        "activity-1", 4, // 75
                        "activity-3", 2, // 25 → 2 of 3 answered: (75 + 25) / 2 = 50.0
                        "people-2", 3)); // 1 of 2 answered: reverse 2/4 = 50.0
        assertThat(scored.scores()).containsExactly(Map.entry("activity", d("50.0")), Map.entry("people", d("50.0")));
        assertThat(scored.unscored()).containsExactly("body", "treatment", "feelings");
    }

    @Test
    void satisfactionLeavesOutDoesNotApplyAndScoresWhatWasUsed() {
        Map<String, Object> given = allNotApplicable();
        given.putAll(answers(
                "access-1", 4, // 75; access-2 NA → 75.0
                "emergency-1", 2, // 25
                "emergency-2", 3, // 50
                "emergency-3", 5, // 100 → 175 / 3 = 58.3
                "overall-1", 5)); // 100.0
        SurveyScoring.Scored scored = SurveyScoring.score(instruments.get("hemonet-satisfaction"), given);
        assertThat(scored.scores())
                .containsExactly(
                        Map.entry("access", d("75.0")),
                        Map.entry("emergency", d("58.3")),
                        Map.entry("overall", d("100.0")));
        assertThat(scored.unscored()).containsExactly("delivery", "information", "advice", "transition", "involvement");
        assertThat(scored.answers()).containsEntry("access-2", "NA").containsEntry("access-1", 4);
    }

    @Test
    void painIntensityAndInterferenceAreMeansOnTheZeroToTenScale() {
        SurveyScoring.Scored scored = SurveyScoring.score(
                instruments.get("hemonet-pain"),
                answers(
                        "pain-highest", 8,
                        "pain-usual", 5, // (8 + 5) / 2 = 6.5
                        "interference-home", 3,
                        "interference-moving", 6,
                        "interference-work", "NA",
                        "interference-sleep", 2,
                        "interference-enjoyment", 4)); // (3 + 6 + 2 + 4) / 4 = 3.75 → 3.8 (half up)
        assertThat(scored.scores())
                .containsExactly(Map.entry("intensity", d("6.5")), Map.entry("interference", d("3.8")));

        SurveyScoring.Scored twoNotApplicable = SurveyScoring.score(
                instruments.get("hemonet-pain"),
                answers(
                        "pain-highest", 0,
                        "pain-usual", 0,
                        "interference-home", 1,
                        "interference-moving", 2,
                        "interference-work", "NA",
                        "interference-sleep", 0,
                        "interference-enjoyment", "NA")); // (1 + 2 + 0) / 3 = 1.0, 3 answered: enough
        assertThat(twoNotApplicable.scores())
                .containsExactly(Map.entry("intensity", d("0.0")), Map.entry("interference", d("1.0")));
    }

    @Test
    void aMissingOrOutOfRangeAnswerIsRefusedNamingTheItem() {
        Instrument satisfaction = instruments.get("hemonet-satisfaction");
        Map<String, Object> noOverall = allNotApplicable();
        noOverall.remove("overall-1");
        assertField(() -> SurveyScoring.score(satisfaction, noOverall), "answers.overall-1");

        Map<String, Object> six = allNotApplicable();
        six.put("access-1", 6);
        assertField(() -> SurveyScoring.score(satisfaction, six), "answers.access-1");

        Map<String, Object> overallNotApplicable = allNotApplicable();
        overallNotApplicable.put("overall-1", "NA");
        assertField(() -> SurveyScoring.score(satisfaction, overallNotApplicable), "answers.overall-1");

        Map<String, Object> unknown = allNotApplicable();
        unknown.put("mood-9", 3);
        assertField(() -> SurveyScoring.score(satisfaction, unknown), "answers.mood-9");

        Instrument pain = instruments.get("hemonet-pain");
        assertField(() -> SurveyScoring.score(pain, answers("pain-highest", 11)), "answers.pain-highest");
        assertField(() -> SurveyScoring.score(pain, answers("pain-highest", 4.5)), "answers.pain-highest");
        assertField(() -> SurveyScoring.score(pain, answers("pain-highest", "seven")), "answers.pain-highest");
        assertField(() -> SurveyScoring.score(pain, answers("pain-highest", 7)), "answers.pain-usual");
    }

    @Test
    void aDraftMayLeaveItemsOutButNotGiveValuesOffTheScale() {
        Instrument pain = instruments.get("hemonet-pain");
        assertThat(SurveyScoring.check(pain, answers("pain-usual", 3)).answers())
                .containsExactly(Map.entry("pain-usual", 3));
        assertField(() -> SurveyScoring.check(pain, answers("pain-usual", -1)), "answers.pain-usual");
    }

    @Test
    void aCentresDefinitionIsValidatedNamingTheField() {
        JsonMapper json = JsonMapper.builder().build();
        String good =
                """
                {"id": "licensed-qol", "title": "A licensed instrument",
                 "domains": [{"id": "total", "title": "Total", "method": "SUM"}],
                 "items": [
                   {"linkId": "q1", "text": "One", "type": "choice", "domain": "total",
                    "answerOptions": [{"value": 0, "display": "No"}, {"value": 2, "display": "Yes"}]},
                   {"linkId": "q2", "text": "Two", "type": "integer", "minValue": 0, "maxValue": 4, "domain": "total"}]}
                """;
        Instrument parsed = InstrumentDefinitions.parse(json.readTree(good), "definition", 3, "LICENSED", null);
        assertThat(parsed.version()).as("the next version when none is given").isEqualTo(3);
        assertThat(parsed.domain("total").orElseThrow().minAnswered())
                .as("a sum needs every item")
                .isEqualTo(2);
        assertThat(SurveyScoring.score(parsed, answers("q1", 2, "q2", 3)).scores())
                .containsExactly(Map.entry("total", d("5.0")));
        assertThat(InstrumentDefinitions.parse(
                        json.readTree(InstrumentDefinitions.toJson(parsed)), "definition", 9, "LICENSED", null))
                .as("the stored form reads back as the same instrument")
                .isEqualTo(parsed);

        assertField(
                () -> InstrumentDefinitions.parse(
                        json.readTree(good.replace("\"q2\"", "\"q1\"")), "definition", 1, "LICENSED", null),
                "definition.items[1].linkId");
        assertField(
                () -> InstrumentDefinitions.parse(
                        json.readTree(good.replace("\"domain\": \"total\",\n", "\"domain\": \"nope\",\n")),
                        "definition",
                        1,
                        "LICENSED",
                        null),
                "definition.items[0].domain");
        assertField(
                () -> InstrumentDefinitions.parse(
                        json.readTree(good.replace("\"integer\"", "\"slider\"")), "definition", 1, "LICENSED", null),
                "definition.items[1].type");
        assertField(
                () -> InstrumentDefinitions.parse(
                        json.readTree(good.replace("\"maxValue\": 4", "\"maxValue\": 0")),
                        "definition",
                        1,
                        "LICENSED",
                        null),
                "definition.items[1].maxValue");
    }

    @Test
    void theShippedInstrumentsUseOnlyTheirOwnDomainsAndAFhirItemType() {
        assertThat(instruments).containsOnlyKeys("hemonet-satisfaction", "hemonet-pain", "hemonet-life");
        for (Instrument i : instruments.values()) {
            for (InstrumentItem item : i.items()) {
                assertThat(item.domain()).as(item.linkId()).isNotNull();
                assertThat(i.domain(item.domain())).as(item.linkId()).isPresent();
                assertThat(List.of("choice", "integer")).contains(item.type().fhirCode());
            }
        }
    }

    @Test
    void schedulesAreDueOnTheirDatesUntilAnswered() {
        ZoneId zone = ZoneId.of("Europe/London");
        Instant made = Instant.parse("2026-03-01T10:00:00Z");
        LocalDate due = LocalDate.of(2026, 3, 10);
        // once: not before its date, due from it until answered after it was scheduled
        assertThat(SurveyDue.dueBy(Recurrence.ONCE, due, made, due.minusDays(1), null, zone))
                .isEmpty();
        assertThat(SurveyDue.dueBy(Recurrence.ONCE, due, made, due.plusDays(40), null, zone))
                .contains(due);
        assertThat(SurveyDue.dueBy(Recurrence.ONCE, due, made, due, made.minusSeconds(60), zone))
                .as("answered earlier the same day, before it was scheduled")
                .contains(due);
        assertThat(SurveyDue.dueBy(Recurrence.ONCE, due, made, due, made.plusSeconds(60), zone))
                .isEmpty();
        // yearly: the latest anniversary reached; an answer in the 30 days before it counts
        LocalDate nextYear = due.plusYears(1);
        assertThat(SurveyDue.dueBy(Recurrence.YEARLY, due, made, nextYear.plusDays(3), noon(due.plusDays(2)), zone))
                .contains(nextYear);
        assertThat(SurveyDue.dueBy(
                        Recurrence.YEARLY, due, made, nextYear.plusDays(3), noon(nextYear.minusDays(30)), zone))
                .isEmpty();
        assertThat(SurveyDue.dueBy(
                        Recurrence.YEARLY, due, made, nextYear.plusDays(3), noon(nextYear.minusDays(31)), zone))
                .contains(nextYear);
        // before the annual review: opens 30 days before each review, lapses at it
        LocalDate review = LocalDate.of(2026, 6, 30);
        assertThat(SurveyDue.dueBy(Recurrence.BEFORE_ANNUAL_REVIEW, review, made, review.minusDays(31), null, zone))
                .isEmpty();
        assertThat(SurveyDue.dueBy(Recurrence.BEFORE_ANNUAL_REVIEW, review, made, review.minusDays(30), null, zone))
                .contains(review);
        assertThat(SurveyDue.dueBy(Recurrence.BEFORE_ANNUAL_REVIEW, review, made, review.plusDays(1), null, zone))
                .as("lapsed: the next review is a year away")
                .isEmpty();
        assertThat(SurveyDue.dueBy(
                        Recurrence.BEFORE_ANNUAL_REVIEW,
                        review,
                        made,
                        review.plusYears(1).minusDays(5),
                        noon(review.minusDays(10)),
                        zone))
                .as("last year's answer does not count for this year's review")
                .contains(review.plusYears(1));
    }

    private static Instant noon(LocalDate date) {
        return date.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);
    }

    private static Map<String, Object> allNotApplicable() {
        Map<String, Object> given = new LinkedHashMap<>();
        for (InstrumentItem item : instruments.get("hemonet-satisfaction").items()) {
            given.put(item.linkId(), "NA");
        }
        given.put("overall-1", 3);
        return given;
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call)
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field));
    }
}
