package org.hemonet.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The k-anonymity of research extracts (issue 18) on hand-built rows. */
class KAnonymityTest {

    private static KAnonymity.Row<Integer> row(int id, int age, String region, String nation) {
        return row(id, age, "MALE", region, nation, "SEVERE", "NEGATIVE");
    }

    private static KAnonymity.Row<Integer> row(
            int id, int age, String sex, String region, String nation, String severity, String inhibitor) {
        return new KAnonymity.Row<>(new KAnonymity.Quasi(age, sex, region, nation, severity, inhibitor), id);
    }

    private static List<KAnonymity.Row<Integer>> copies(int from, int count, int age, String region, String nation) {
        List<KAnonymity.Row<Integer>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row(from + i, age, region, nation));
        }
        return rows;
    }

    private static Map<KAnonymity.Published, Integer> classSizes(KAnonymity.Result<?> result) {
        Map<KAnonymity.Published, Integer> sizes = new HashMap<>();
        result.rows().forEach(r -> sizes.merge(r.published(), 1, Integer::sum));
        return sizes;
    }

    @Test
    void alreadyAnonymousInputIsPublishedUnchangedAtTheFinestLevel() {
        List<KAnonymity.Row<Integer>> rows = new ArrayList<>(copies(0, 5, 22, "North West", "England"));
        rows.addAll(copies(5, 6, 47, "Wales", "Wales"));

        KAnonymity.Result<Integer> result = KAnonymity.anonymise(rows, 5);

        assertThat(result.generalised()).isZero();
        assertThat(result.suppressed()).isZero();
        assertThat(result.rows()).hasSize(11);
        assertThat(result.rows()).allSatisfy(r -> assertThat(r.level()).isZero());
        assertThat(result.rows().get(0).published())
                .isEqualTo(new KAnonymity.Published("20-24", "MALE", "North West", "SEVERE", "NEGATIVE"));
        assertThat(result.rows().get(10).published().ageBand()).isEqualTo("45-49");
        assertThat(result.rows().stream().map(KAnonymity.Anonymised::payload).toList())
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void aClassOfExactlyKIsKeptAndOneOfKMinusOneIsNot() {
        KAnonymity.Result<Integer> exactly = KAnonymity.anonymise(copies(0, 5, 30, "London", "England"), 5);
        assertThat(exactly.rows()).hasSize(5);
        assertThat(exactly.generalised()).isZero();
        assertThat(exactly.suppressed()).isZero();

        KAnonymity.Result<Integer> short1 = KAnonymity.anonymise(copies(0, 4, 30, "London", "England"), 5);
        assertThat(short1.rows()).isEmpty();
        assertThat(short1.generalised()).isZero();
        assertThat(short1.suppressed()).isEqualTo(4);
    }

    @Test
    void widerAgeBandsComeBeforeTheNation() {
        // 3 aged 21 and 2 aged 27 in the North West: no 5-year class of 5, one 10-year class of 5
        List<KAnonymity.Row<Integer>> rows = new ArrayList<>(copies(0, 3, 21, "North West", "England"));
        rows.addAll(copies(3, 2, 27, "North West", "England"));

        KAnonymity.Result<Integer> result = KAnonymity.anonymise(rows, 5);

        assertThat(result.suppressed()).isZero();
        assertThat(result.generalised()).isEqualTo(5);
        assertThat(result.rows()).allSatisfy(r -> assertThat(r.published())
                .isEqualTo(new KAnonymity.Published("20-29", "MALE", "North West", "SEVERE", "NEGATIVE")));
    }

    @Test
    void regionsMergeIntoTheirNationOnlyAfterTheAgeBandsAreWide() {
        // 3 in the North West and 2 in London, aged 20-39: only "20-39, England" holds 5
        List<KAnonymity.Row<Integer>> rows = new ArrayList<>(copies(0, 3, 22, "North West", "England"));
        rows.addAll(copies(3, 2, 38, "London", "England"));
        rows.addAll(copies(5, 6, 60, "South East", "England")); // anonymous as they stand

        KAnonymity.Result<Integer> result = KAnonymity.anonymise(rows, 5);

        assertThat(result.suppressed()).isZero();
        assertThat(result.generalised()).isEqualTo(5);
        assertThat(classSizes(result))
                .containsOnly(
                        Map.entry(new KAnonymity.Published("20-39", "MALE", "England", "SEVERE", "NEGATIVE"), 5),
                        Map.entry(new KAnonymity.Published("60-64", "MALE", "South East", "SEVERE", "NEGATIVE"), 6));
        assertThat(result.rows().stream().filter(r -> r.payload() < 5).map(KAnonymity.Anonymised::level))
                .containsOnly(3);
    }

    @Test
    void rowsStillInSmallClassesAtTheLastLevelAreSuppressed() {
        List<KAnonymity.Row<Integer>> rows = new ArrayList<>(copies(0, 5, 10, "London", "England"));
        rows.add(row(5, 10, "FEMALE", "London", "England", "SEVERE", "NEGATIVE")); // sex is never generalised
        rows.add(row(6, 40, "MALE", "Scotland", "Scotland", "MILD", "POSITIVE"));

        KAnonymity.Result<Integer> result = KAnonymity.anonymise(rows, 5);

        assertThat(result.suppressed()).isEqualTo(2);
        assertThat(result.generalised()).isZero();
        assertThat(result.rows().stream().map(KAnonymity.Anonymised::payload).toList())
                .containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void everythingIsSuppressedWhenNoClassCanReachK() {
        List<KAnonymity.Row<Integer>> rows = List.of(
                row(0, 5, "MALE", "London", "England", "SEVERE", "NEGATIVE"),
                row(1, 35, "FEMALE", "Wales", "Wales", "MILD", "NEGATIVE"),
                row(2, 70, "MALE", "Scotland", "Scotland", "MODERATE", "POSITIVE"));

        KAnonymity.Result<Integer> result = KAnonymity.anonymise(rows, 5);

        assertThat(result.rows()).isEmpty();
        assertThat(result.suppressed()).isEqualTo(3);
        assertThat(result.generalised()).isZero();
        assertThat(KAnonymity.anonymise(List.<KAnonymity.Row<Integer>>of(), 5).rows())
                .isEmpty();
    }

    @Test
    void ageBandsAtEachLevel() {
        assertThat(KAnonymity.ageBand(0, 0)).isEqualTo("0-4");
        assertThat(KAnonymity.ageBand(4, 0)).isEqualTo("0-4");
        assertThat(KAnonymity.ageBand(5, 0)).isEqualTo("5-9");
        assertThat(KAnonymity.ageBand(79, 0)).isEqualTo("75-79");
        assertThat(KAnonymity.ageBand(80, 0)).isEqualTo("80+");
        assertThat(KAnonymity.ageBand(19, 1)).isEqualTo("10-19");
        assertThat(KAnonymity.ageBand(19, 2)).isEqualTo("0-19");
        assertThat(KAnonymity.ageBand(60, 3)).isEqualTo("60-79");
        assertThat(KAnonymity.ageBand(17, 4)).isEqualTo("0-17");
        assertThat(KAnonymity.ageBand(18, 4)).isEqualTo("18+");
    }

    /** Random cohorts: every published combination holds at least k rows, and the counts add up. */
    @Test
    void everyPublishedClassHoldsAtLeastKRowsOnRandomCohorts() {
        Random random = new Random(18);
        String[][] regions = {
            {"North West", "England"}, {"London", "England"}, {"Wales", "Wales"}, {"Scotland", "Scotland"}
        };
        String[] severities = {"SEVERE", "MODERATE", "MILD"};
        for (int trial = 0; trial < 200; trial++) {
            int k = 5 + random.nextInt(6);
            List<KAnonymity.Row<Integer>> rows = new ArrayList<>();
            int n = random.nextInt(300);
            for (int i = 0; i < n; i++) {
                String[] r = regions[random.nextInt(regions.length)];
                rows.add(row(
                        i,
                        random.nextInt(90),
                        random.nextInt(5) == 0 ? "FEMALE" : "MALE",
                        r[0],
                        r[1],
                        severities[random.nextInt(3)],
                        random.nextInt(8) == 0 ? "POSITIVE" : "NEGATIVE"));
            }
            KAnonymity.Result<Integer> result = KAnonymity.anonymise(rows, k);

            assertThat(classSizes(result).values())
                    .allSatisfy(size -> assertThat(size).isGreaterThanOrEqualTo(k));
            assertThat(result.rows().size() + result.suppressed()).isEqualTo(n);
            assertThat(result.generalised()).isEqualTo((int)
                    result.rows().stream().filter(r -> r.level() > 0).count());
            // a published row keeps its sex, severity and inhibitor status, and an age band that holds its age
            for (KAnonymity.Anonymised<Integer> out : result.rows()) {
                KAnonymity.Quasi in = rows.get(out.payload()).quasi();
                assertThat(out.published().sex()).isEqualTo(in.sex());
                assertThat(out.published().severity()).isEqualTo(in.severity());
                assertThat(out.published().area()).isIn(in.region(), in.nation());
                assertThat(KAnonymity.ageBand(in.age(), out.level()))
                        .isEqualTo(out.published().ageBand());
            }
        }
    }
}
