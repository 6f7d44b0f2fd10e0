package org.hemonet.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * HJHS 2.1 totals (clinical.md §4; item maxima from the HJHS 2.1 manual, Hilliard et al. 2006): reference cases for
 * complete, partly and wholly not-evaluable assessments. NE is never counted as 0.
 */
class HjhsTotalsTest {

    /** Every item of every joint set to {@code value} capped at the item's maximum; gait {@code gait}. */
    static Map<HjhsJoint, Map<HjhsItem, @Nullable Integer>> all(int value) {
        Map<HjhsJoint, Map<HjhsItem, @Nullable Integer>> joints = new EnumMap<>(HjhsJoint.class);
        for (HjhsJoint j : HjhsJoint.values()) {
            Map<HjhsItem, @Nullable Integer> items = new EnumMap<>(HjhsItem.class);
            for (HjhsItem i : HjhsItem.values()) {
                items.put(i, Math.min(value, i.max()));
            }
            joints.put(j, items);
        }
        return joints;
    }

    @Test
    void theItemMaximaAddUpToTwentyPerJointAnd124InAll() {
        assertThat(java.util.Arrays.stream(HjhsItem.values())
                        .mapToInt(HjhsItem::max)
                        .sum())
                .isEqualTo(20);
        assertThat(HjhsItem.TOTAL_MAX).isEqualTo(124);
    }

    @Test
    void everyItemAtItsMaximumScores124AndIsComplete() {
        HjhsTotals t = HjhsTotals.of(new HjhsAssessment(all(9), 4));
        assertThat(t.total()).isEqualTo(124);
        assertThat(t.maxPossible()).isEqualTo(124);
        assertThat(t.complete()).isTrue();
        assertThat(t.jointsScored()).isEqualTo(6);
        assertThat(t.jointTotals().values()).containsOnly(20);
        assertThat(t.notEvaluableJoints()).isEmpty();
        assertThat(t.notEvaluableItems()).isEmpty();
    }

    @Test
    void everyItemZeroScoresZeroNotNull() {
        HjhsTotals t = HjhsTotals.of(new HjhsAssessment(all(0), 0));
        assertThat(t.total()).isZero();
        assertThat(t.complete()).isTrue();
        assertThat(t.jointTotals().values()).containsOnly(0);
    }

    @Test
    void allEvaluableSumsEveryItem() {
        // every item 1 (duration of swelling max 1): 8 per joint × 6 = 48, gait 2 → 50
        HjhsTotals t = HjhsTotals.of(new HjhsAssessment(all(1), 2));
        assertThat(t.total()).isEqualTo(50);
        assertThat(t.jointTotals().get(HjhsJoint.LEFT_ANKLE)).isEqualTo(8);
    }

    @Test
    void notEvaluableItemsAreLeftOutOfTheTotalAndListedNeverCountedAsZero() {
        Map<HjhsJoint, Map<HjhsItem, @Nullable Integer>> joints = all(1);
        joints.get(HjhsJoint.LEFT_KNEE).put(HjhsItem.STRENGTH, null);
        joints.get(HjhsJoint.LEFT_KNEE).put(HjhsItem.CREPITUS, null);
        HjhsTotals t = HjhsTotals.of(new HjhsAssessment(joints, null));
        // 48 − 2 (two NE items of value 1) = 46; gait NE adds nothing
        assertThat(t.total()).isEqualTo(46);
        assertThat(t.jointTotals().get(HjhsJoint.LEFT_KNEE)).isEqualTo(6);
        assertThat(t.complete()).isFalse();
        assertThat(t.jointsScored()).isEqualTo(6);
        assertThat(t.notEvaluableJoints()).isEmpty();
        assertThat(t.notEvaluableItems()).containsExactly("LEFT_KNEE.CREPITUS", "LEFT_KNEE.STRENGTH", "GAIT");
        // the most the evaluable items allow: 124 − crepitus 2 − strength 4 − gait 4
        assertThat(t.maxPossible()).isEqualTo(114);
    }

    @Test
    void aWholeNotEvaluableJointHasNoTotalAndIsCountedOutOfTheJointsScored() {
        Map<HjhsJoint, Map<HjhsItem, @Nullable Integer>> joints = all(9);
        for (HjhsItem i : HjhsItem.values()) {
            joints.get(HjhsJoint.RIGHT_ANKLE).put(i, null);
        }
        HjhsTotals t = HjhsTotals.of(new HjhsAssessment(joints, 4));
        assertThat(t.jointTotals().get(HjhsJoint.RIGHT_ANKLE)).isNull();
        assertThat(t.total()).isEqualTo(104);
        assertThat(t.maxPossible()).isEqualTo(104);
        assertThat(t.jointsScored()).isEqualTo(5);
        assertThat(t.notEvaluableJoints()).containsExactly(HjhsJoint.RIGHT_ANKLE);
        assertThat(t.notEvaluableItems()).isEmpty();
        assertThat(t.complete()).isFalse();
    }

    @Test
    void nothingEvaluableHasNoTotal() {
        Map<HjhsJoint, Map<HjhsItem, @Nullable Integer>> joints = all(0);
        joints.values().forEach(items -> items.replaceAll((k, v) -> null));
        HjhsTotals t = HjhsTotals.of(new HjhsAssessment(joints, null));
        assertThat(t.total()).isNull();
        assertThat(t.jointsScored()).isZero();
    }

    @Test
    void anItemAboveItsMaximumIsRefusedNamingTheField() {
        String json =
                """
                {"swelling": 3, "durationOfSwelling": 2, "muscleAtrophy": 0, "crepitus": 0,
                 "flexionLoss": 0, "extensionLoss": 0, "jointPain": 0, "strength": 0}""";
        Map<String, @Nullable Object> joints = new java.util.LinkedHashMap<>();
        for (HjhsJoint j : HjhsJoint.values()) {
            joints.put(j.name(), "NE");
        }
        Map<String, Object> knee = new java.util.LinkedHashMap<>();
        for (HjhsItem i : HjhsItem.values()) {
            knee.put(i.jsonName(), 0);
        }
        knee.put("durationOfSwelling", 2);
        joints.put("LEFT_KNEE", knee);
        assertThat(json).contains("durationOfSwelling");
        assertThatThrownBy(() -> JointScores.assessmentOf(request(joints, 0)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field())
                        .isEqualTo("joints.LEFT_KNEE.durationOfSwelling"));
        knee.put("durationOfSwelling", 1);
        assertThatThrownBy(() -> JointScores.assessmentOf(request(joints, 5)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("gait"));
        joints.put("LEFT_HIP", "NE");
        assertThatThrownBy(() -> JointScores.assessmentOf(request(joints, 0)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("joints.LEFT_HIP"));
    }

    static JointScoreRequest request(Map<String, @Nullable Object> joints, Object gait) {
        return new JointScoreRequest(LocalDate.of(2026, 1, 1), null, null, null, null, joints, gait, null);
    }

    static JointScore score(LocalDate on, ScoreContext context, @Nullable HjhsJoint joint, HjhsAssessment a) {
        return new JointScore(
                UUID.randomUUID(),
                UUID.randomUUID(),
                on,
                "physio.north",
                "PHYSIO",
                context,
                null,
                joint,
                null,
                a,
                null,
                null,
                null,
                Instant.EPOCH,
                "physio.north",
                null,
                null,
                null);
    }

    @Test
    void thePostSurgeryScoreIsComparedWithTheLatestEarlierPreSurgeryScoreOfTheSameJoint() {
        Map<HjhsJoint, Map<HjhsItem, @Nullable Integer>> pre = all(1);
        pre.get(HjhsJoint.LEFT_KNEE).put(HjhsItem.SWELLING, 3);
        pre.get(HjhsJoint.LEFT_KNEE).put(HjhsItem.JOINT_PAIN, 2);
        Map<HjhsJoint, Map<HjhsItem, @Nullable Integer>> post = all(1);
        post.get(HjhsJoint.LEFT_KNEE).put(HjhsItem.SWELLING, 0);
        post.get(HjhsJoint.LEFT_KNEE).put(HjhsItem.STRENGTH, null);
        JointScore older = score(
                LocalDate.of(2025, 1, 10),
                ScoreContext.PRE_SURGERY,
                HjhsJoint.LEFT_KNEE,
                new HjhsAssessment(all(2), 2));
        JointScore before = score(
                LocalDate.of(2025, 3, 1), ScoreContext.PRE_SURGERY, HjhsJoint.LEFT_KNEE, new HjhsAssessment(pre, 2));
        JointScore otherJoint = score(
                LocalDate.of(2025, 3, 5),
                ScoreContext.PRE_SURGERY,
                HjhsJoint.RIGHT_ANKLE,
                new HjhsAssessment(all(0), 0));
        JointScore after = score(
                LocalDate.of(2025, 9, 1), ScoreContext.POST_SURGERY, HjhsJoint.LEFT_KNEE, new HjhsAssessment(post, 1));

        JointScoreComparison c = JointScores.comparisonFor(after, java.util.List.of(older, before, otherJoint, after));

        assertThat(c).isNotNull();
        assertThat(c.before().id()).isEqualTo(before.id());
        assertThat(c.operatedJoint()).isEqualTo(HjhsJoint.LEFT_KNEE);
        JointScoreComparison.JointDifference knee = c.operatedJointDifference();
        assertThat(knee.items().get("swelling")).isEqualTo(-3);
        assertThat(knee.items().get("jointPain")).isEqualTo(-1);
        assertThat(knee.items().get("strength")).isNull(); // NE after: no difference, not −1
        assertThat(knee.totalDifference()).isNull(); // knee incomplete after surgery
        assertThat(knee.totalBefore()).isEqualTo(11);
        assertThat(knee.totalAfter()).isEqualTo(6);
        assertThat(c.gaitDifference()).isEqualTo(-1);
        assertThat(c.totalDifference()).isNull(); // the later score is incomplete
        assertThat(c.evaluableTotalDifference()).isEqualTo(-3 - 1 - 1);
        assertThat(c.joints().stream()
                        .filter(j -> j.joint() == HjhsJoint.RIGHT_KNEE)
                        .findFirst()
                        .orElseThrow()
                        .totalDifference())
                .isZero();
        assertThat(JointScores.comparisonFor(before, java.util.List.of(before, after)))
                .isNull();
    }
}
