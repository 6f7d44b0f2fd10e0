package org.hemonet.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hemonet.outcome.CentreCohort;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.Severity;
import org.junit.jupiter.api.Test;

/**
 * Property-style differencing tests of the centres compared's further columns (issue 18; clinical.md §8: no suppressed
 * cell may be recoverable from what the same table, or the same report under another filter or year, shows). Seeded
 * random networks are published through {@link CentreComparison#publish}, the one place the comparison shows figures,
 * as a network analyst sees them, and an attacker who knows the rules tries to pin a hidden count of 1–7.
 *
 * <p>Unlike {@link DisclosureDifferencingTest}, whose cells are bare counts, these columns are figures built on counts:
 * a rate or proportion {@code k / x} shown to 2 or 3 decimals beside its count {@code x} (treatment-years beside adverse
 * events per 100 treatment-years; patients with diary time beside the proportions with a joint-immobilising bleed, a
 * target joint, no bleed). A figure shown exactly is an equation in whole numbers: 0.125 over 8–12 patients can only be
 * 1 of 8, and a network rate is the sum of the centres' events over the sum of their exposure. So the attacker keeps,
 * for each centre, every pair (x, k) that agrees with all that is shown — its count cell (rounded, {@code *} for 1–7
 * or a secondary suppression, exact 0), its figure, its patients (x never exceeds them), the network's count and
 * figure over the sum of all centres — and narrows these sets to a fixpoint over two tables linked by what the attacker
 * knows: a subset (severe patients within all patients: x and k no larger) or two consecutive years of a centre whose
 * patients did not change (the same x). A hidden count of 1–7 left with a single possible value is recovered, and the
 * test fails.
 *
 * <p>Further attacks (issue 18): a clinician, who sees their own centres as computed beside the rest as an analyst
 * would, after another centre's hidden count; all patients beside every severity (all = severe + moderate + mild, the
 * attacker told there is no patient of unknown severity) and diagnosis by severity with its rows and columns, alone
 * and as a clinician — which pinned hidden counts in a sixth to a half of the trials before the grid rule of
 * {@link CentreComparison#smallIn}. At 2,000 trials the diagnosis-by-severity attack still pinned one hidden
 * patient-years count, and only through the generators' bound of at most one day lost a patient-year, which a real
 * attacker does not have. The measures include the satisfaction mean (one 5-point item, 25 k / x) over respondents,
 * a count shown nowhere.
 */
class ComparisonDifferencingTest {

    private static final int MAX_PATIENTS = 25;
    private static final int YEAR = 2025;

    /** The true raw figures of one centre in one table. */
    static final class Truth {
        int patients;
        int included;
        int zeroBleeds;
        int jointImmobilising;
        int targetJoints;
        int treatmentYears;
        int adverseEvents;
        int patientYears;
        int daysLost;
        /** Respondents to the satisfaction questionnaire and the sum of their overall answers, 0–4 each. */
        int respondents;

        int answers;

        Truth copy() {
            Truth t = new Truth();
            t.patients = patients;
            t.included = included;
            t.zeroBleeds = zeroBleeds;
            t.jointImmobilising = jointImmobilising;
            t.targetJoints = targetJoints;
            t.treatmentYears = treatmentYears;
            t.adverseEvents = adverseEvents;
            t.patientYears = patientYears;
            t.daysLost = daysLost;
            t.respondents = respondents;
            t.answers = answers;
            return t;
        }
    }

    /** A figure of the comparison: how the attacker computes it, its count and events, and how both are shown. */
    record Measure(
            RatioAttack.Measure attack,
            Function<Truth, Integer> x,
            Function<Truth, Integer> k,
            Function<CentreComparison.Row, String> shownX,
            Function<CentreComparison.Row, String> shownValue,
            @org.jspecify.annotations.Nullable Function<CentreComparison.Row, String> shownK) {

        Measure(
                RatioAttack.Measure attack,
                Function<Truth, Integer> x,
                Function<Truth, Integer> k,
                Function<CentreComparison.Row, String> shownX,
                Function<CentreComparison.Row, String> shownValue) {
            this(attack, x, k, shownX, shownValue, null);
        }

        String name() {
            return attack.name();
        }
    }

    private static RatioAttack.Measure proportion(String name) {
        return new RatioAttack.Measure(name, (k, x) -> k / (double) x, x -> x);
    }

    static final List<Measure> MEASURES = List.of(
            new Measure(
                    new RatioAttack.Measure("adverseEventsPer100TreatmentYears", (k, x) -> k * 100.0 / x, x -> x + 2),
                    t -> t.treatmentYears,
                    t -> t.adverseEvents,
                    r -> r.more().treatmentYears(),
                    r -> r.more().adverseEventsPer100TreatmentYears()),
            new Measure(
                    proportion("jointImmobilisingProportion"),
                    t -> t.included,
                    t -> t.jointImmobilising,
                    CentreComparison.Row::included,
                    r -> r.more().jointImmobilisingProportion()),
            new Measure(
                    proportion("targetJointProportion"),
                    t -> t.included,
                    t -> t.targetJoints,
                    CentreComparison.Row::included,
                    r -> r.more().targetJointProportion()),
            new Measure(
                    proportion("zeroBleedProportion"),
                    t -> t.included,
                    t -> t.zeroBleeds,
                    CentreComparison.Row::included,
                    CentreComparison.Row::zeroBleedProportion),
            // here the count at risk is the numerator: the patients with diary time among the centre's patients
            new Measure(
                    new RatioAttack.Measure("withDiaryProportion", (k, x) -> k / (double) x, x -> x, true),
                    t -> t.patients,
                    t -> t.included,
                    CentreComparison.Row::patients,
                    CentreComparison.Row::withDiaryProportion,
                    CentreComparison.Row::included),
            // days lost per patient-year beside the patient-years (a count, rounded): here every patient-year is 365
            // days of diary time, which only helps the attacker (MoreMeasures.Raw#daysLostRate)
            new Measure(
                    new RatioAttack.Measure("daysLostPerPatientYear", (k, x) -> k / ((x * 365L) / 365.25), x -> x),
                    t -> t.patientYears,
                    t -> t.daysLost,
                    r -> r.more().patientYears(),
                    r -> r.more().daysLostPerPatientYear()),
            // the overall satisfaction mean over the centre's respondents, whose count is shown nowhere (at most its
            // patients): one 5-point item scored 0, 25, 50, 75, 100, so 25 k / x to 1 decimal (MoreMeasures.Raw)
            new Measure(
                    new RatioAttack.Measure("satisfactionMean", (k, x) -> 25.0 * k / x, x -> 4 * x),
                    t -> t.respondents,
                    t -> t.answers,
                    r -> RatioAttack.UNSHOWN,
                    r -> r.more().satisfactionMean()));

    // ------------------------------------------------------------------ the network, as the comparison holds it

    private static final List<UUID> IDS = List.of(
            UUID.fromString("00000000-0000-0000-0000-000000000001"),
            UUID.fromString("00000000-0000-0000-0000-000000000002"),
            UUID.fromString("00000000-0000-0000-0000-000000000003"),
            UUID.fromString("00000000-0000-0000-0000-000000000004"),
            UUID.fromString("00000000-0000-0000-0000-000000000005"));

    private static CentreComparison.Figures figures(@org.jspecify.annotations.Nullable UUID centre, Truth t) {
        CentreCohort cohort = new CentreCohort(
                centre,
                LocalDate.of(YEAR, 1, 1),
                LocalDate.of(YEAR, 12, 31),
                t.patients,
                t.patients - t.included,
                t.included,
                new CentreCohort.Distribution(t.included, null, null, null, null, t.zeroBleeds, null),
                List.of(),
                List.of());
        MoreMeasures.Raw more = new MoreMeasures.Raw();
        more.withDiary = t.included;
        more.jointImmobilisingPatients = t.jointImmobilising;
        more.targetJointPatients = t.targetJoints;
        more.treatmentYears = t.treatmentYears;
        more.adverseEvents = t.adverseEvents;
        more.observationDays = t.patientYears * 365L;
        more.daysLost = t.daysLost;
        more.satisfactionAsked = true;
        more.satisfactionPatients = t.respondents;
        more.satisfactionSum = java.math.BigDecimal.valueOf(t.answers * 25L);
        return new CentreComparison.Figures(cohort, List.of(), more);
    }

    /** The comparison of centres with these truths (a null truth: no patient in the cohort) as an analyst sees it. */
    private static CentreComparison.Comparison published(List<Truth> truths) {
        return published(truths, Set.of());
    }

    /**
     * The comparison as a clinician of the centres {@code own} (indexes into {@code truths}) sees it: their own rows as
     * computed, the rest as an analyst would (issue 18, access); as an analyst's when {@code own} is empty.
     */
    private static CentreComparison.Comparison published(List<Truth> truths, Set<Integer> own) {
        return published(truths, own, List.of());
    }

    /**
     * The comparison as a clinician of {@code own} sees it under a filter whose grid's other cells are {@code
     * otherCells} (the other severities, for a filter on one severity: {@link CentreComparison#grid}).
     */
    private static CentreComparison.Comparison published(
            List<Truth> truths, Set<Integer> own, List<List<Truth>> otherCells) {
        return published(truths, own, otherCells, new CentreComparison.Filter(null, null, null));
    }

    static CentreComparison.Comparison published(
            List<Truth> truths, Set<Integer> own, List<List<Truth>> otherCells, CentreComparison.Filter filter) {
        Set<UUID> ownIds = new HashSet<>();
        own.forEach(i -> ownIds.add(IDS.get(i)));
        return CentreComparison.publish(
                        own.isEmpty(),
                        ownIds,
                        YEAR,
                        filter,
                        gathered(truths),
                        otherCells.stream()
                                .map(ComparisonDifferencingTest::gathered)
                                .toList())
                .shown();
    }

    private static CentreComparison.Gathered gathered(List<Truth> truths) {
        Map<UUID, CentreComparison.Figures> byCentre = new HashMap<>();
        List<CentreComparison.Named> named = new ArrayList<>();
        Truth network = new Truth();
        for (int i = 0; i < truths.size(); i++) {
            Truth t = truths.get(i);
            if (t == null) {
                continue;
            }
            byCentre.put(IDS.get(i), figures(IDS.get(i), t));
            named.add(new CentreComparison.Named(IDS.get(i), "Centre " + i));
            network.patients += t.patients;
            network.included += t.included;
            network.zeroBleeds += t.zeroBleeds;
            network.jointImmobilising += t.jointImmobilising;
            network.targetJoints += t.targetJoints;
            network.treatmentYears += t.treatmentYears;
            network.adverseEvents += t.adverseEvents;
            network.patientYears += t.patientYears;
            network.daysLost += t.daysLost;
            network.respondents += t.respondents;
            network.answers += t.answers;
        }
        return new CentreComparison.Gathered(figures(null, network), byCentre, named);
    }

    // ------------------------------------------------------------------ the attack (RatioAttack)

    /** One measure's table as the attacker reads it from what the analyst is shown. */
    private static RatioAttack.Table table(Measure m, List<Truth> truths, CentreComparison.Comparison shown) {
        return table(m, truths, shown, Set.of());
    }

    /** The table as a clinician of {@code own} reads it: their own rows' figures are known to them exactly. */
    static RatioAttack.Table table(Measure m, List<Truth> truths, CentreComparison.Comparison shown, Set<Integer> own) {
        List<RatioAttack.Seen> seen = new ArrayList<>();
        for (int i = 0; i < truths.size(); i++) {
            CentreComparison.Row r = row(shown, i);
            if (r == null) {
                assertThat(truths.get(i))
                        .as("a centre not listed has no patient")
                        .isNull();
                seen.add(null);
                continue;
            }
            // a centre listed, hidden, where it has no patient (CentreComparison#publish)
            Truth t = truths.get(i) == null ? new Truth() : truths.get(i);
            if (own.contains(i)) {
                assertThat(r.disclosureControl())
                        .as("a clinician sees their own centre as computed")
                        .isFalse();
                seen.add(RatioAttack.Seen.known(m.x().apply(t), m.k().apply(t)));
                continue;
            }
            seen.add(new RatioAttack.Seen(
                    m.x().apply(t),
                    m.k().apply(t),
                    m.shownX().apply(r),
                    m.shownValue().apply(r),
                    r.patients(),
                    m.shownK() == null ? null : m.shownK().apply(r)));
        }
        return new RatioAttack.Table(
                m.attack(),
                seen,
                m.shownX().apply(shown.network()),
                m.shownValue().apply(shown.network()));
    }

    /** The row of centre {@code i}, null when it is not listed. */
    private static CentreComparison.Row row(CentreComparison.Comparison shown, int i) {
        return shown.items().stream()
                .filter(r -> IDS.get(i).equals(r.centreId()))
                .findFirst()
                .orElse(null);
    }

    private static void attack(
            RatioAttack.Table a,
            RatioAttack.@org.jspecify.annotations.Nullable Table b,
            boolean subset,
            Set<Integer> sameX,
            String what) {
        RatioAttack.attack(a, b, subset, sameX, what);
    }

    // ------------------------------------------------------------------ the generators

    private static int count(Random random, int most) {
        int n =
                switch (random.nextInt(4)) {
                    case 0 -> 1 + random.nextInt(7);
                    case 1 -> 8 + random.nextInt(8);
                    case 2 -> 1 + random.nextInt(3);
                    default -> 1 + random.nextInt(MAX_PATIENTS);
                };
        return Math.min(n, most);
    }

    static int upTo(Random random, int most) {
        return most <= 0 ? 0 : random.nextInt(most + 1);
    }

    /** A centre's figures: every count within its patients, every event count within what it counts. */
    private static Truth centre(Random random) {
        return centre(random, MAX_PATIENTS);
    }

    /** A centre's figures, with at most {@code most} patients. */
    static Truth centre(Random random, int most) {
        Truth t = new Truth();
        t.patients = count(random, most);
        t.included = random.nextInt(3) == 0 ? t.patients : count(random, t.patients);
        t.zeroBleeds = upTo(random, t.included);
        t.jointImmobilising = random.nextBoolean() ? upTo(random, Math.min(2, t.included)) : upTo(random, t.included);
        t.targetJoints = upTo(random, t.included);
        t.treatmentYears = random.nextInt(3) == 0 ? t.patients : count(random, t.patients);
        t.adverseEvents =
                random.nextBoolean() ? upTo(random, Math.min(2, t.treatmentYears)) : upTo(random, t.treatmentYears);
        // patient-years of diary time: whole years here, at most one a patient with diary time
        t.patientYears = random.nextInt(3) == 0 ? t.included : upTo(random, t.included);
        t.daysLost = random.nextBoolean() ? upTo(random, Math.min(2, t.patientYears)) : upTo(random, t.patientYears);
        t.respondents = random.nextBoolean() ? t.patients : upTo(random, t.patients);
        t.answers = random.nextBoolean()
                ? 4 * t.respondents - upTo(random, Math.min(2, t.respondents))
                : upTo(random, 4 * t.respondents);
        return t;
    }

    /** Part of a centre (its severe patients): no count above the whole's; null when none of its patients is. */
    private static Truth part(Random random, Truth whole) {
        if (random.nextInt(4) == 0) {
            return null;
        }
        Truth t = new Truth();
        t.patients = count(random, whole.patients);
        t.included = Math.min(t.patients, upTo(random, whole.included));
        t.zeroBleeds = Math.min(t.included, upTo(random, whole.zeroBleeds));
        t.jointImmobilising = Math.min(t.included, upTo(random, whole.jointImmobilising));
        t.targetJoints = Math.min(t.included, upTo(random, whole.targetJoints));
        t.treatmentYears = Math.min(t.patients, upTo(random, whole.treatmentYears));
        t.adverseEvents = Math.min(upTo(random, whole.adverseEvents), t.treatmentYears + 2);
        t.patientYears = Math.min(t.included, upTo(random, whole.patientYears));
        t.daysLost = Math.min(t.patientYears, upTo(random, whole.daysLost));
        t.respondents = Math.min(t.patients, upTo(random, whole.respondents));
        t.answers = Math.min(4 * t.respondents, upTo(random, whole.answers));
        return t;
    }

    /** The sum of parts (a centre's patients of each severity): null when every part is. */
    static Truth sum(List<Truth> parts) {
        Truth t = null;
        for (Truth p : parts) {
            if (p == null || p.patients == 0) {
                continue;
            }
            if (t == null) {
                t = new Truth();
            }
            t.patients += p.patients;
            t.included += p.included;
            t.zeroBleeds += p.zeroBleeds;
            t.jointImmobilising += p.jointImmobilising;
            t.targetJoints += p.targetJoints;
            t.treatmentYears += p.treatmentYears;
            t.adverseEvents += p.adverseEvents;
            t.patientYears += p.patientYears;
            t.daysLost += p.daysLost;
            t.respondents += p.respondents;
            t.answers += p.answers;
        }
        return t;
    }

    private static List<Truth> network(Random random) {
        List<Truth> truths = new ArrayList<>();
        int centres = 2 + random.nextInt(3);
        for (int i = 0; i < centres; i++) {
            truths.add(centre(random));
        }
        return truths;
    }

    private static final int TRIALS = 400;

    /** The truths (x, k) and what was shown of them, for a failure's message. */
    private static String describe(Measure m, List<Truth> truths, CentreComparison.Comparison shown) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < truths.size(); i++) {
            CentreComparison.Row r = row(shown, i);
            if (r == null) {
                b.append("[absent] ");
                continue;
            }
            Truth t = truths.get(i) == null ? new Truth() : truths.get(i);
            b.append("[patients ")
                    .append(t.patients)
                    .append(" x ")
                    .append(m.x().apply(t))
                    .append(" k ")
                    .append(m.k().apply(t))
                    .append(" shown ")
                    .append(r.patients())
                    .append(" ")
                    .append(m.shownX().apply(r))
                    .append(" ")
                    .append(m.shownValue().apply(r))
                    .append("] ");
        }
        return b.append("network ")
                .append(m.shownX().apply(shown.network()))
                .append(" ")
                .append(m.shownValue().apply(shown.network()))
                .toString();
    }

    private static Truth truth(int patients, int included, int jointImmobilising, int treatmentYears, int events) {
        Truth t = new Truth();
        t.patients = patients;
        t.included = included;
        t.jointImmobilising = jointImmobilising;
        t.treatmentYears = treatmentYears;
        t.adverseEvents = events;
        t.patientYears = included;
        return t;
    }

    /** The leaks these properties found in the first version of the further columns, each attacked again. */
    @Test
    void theCounterExamplesFoundHereNoLongerLeak() {
        // 8 patients, 1 treatment-year, 1 event (hidden) beside 12 with 11 events in 12 (91.67: only 11/12 of 8–12):
        // a network rate of 92.31 was 12/13, pinning the hidden treatment-years to 1
        List<Truth> rates = List.of(truth(8, 8, 0, 1, 1), truth(12, 12, 0, 12, 11));
        CentreComparison.Comparison shown = published(rates);
        assertThat(shown.network().more().adverseEventsPer100TreatmentYears()).isEqualTo("*");
        attack(table(MEASURES.get(0), rates, shown), null, false, Set.of(), "rates");

        // 11 patients of whom 7 with diary time, none with a joint-immobilising bleed, beside 10 of 10 with 1 (0.100):
        // the share 0.636 was 7/11 on its own, and the network's 0.059 was 1/17
        List<Truth> proportions = List.of(truth(11, 7, 0, 0, 0), truth(10, 10, 1, 0, 0));
        shown = published(proportions);
        assertThat(shown.items().get(0).withDiaryProportion()).isEqualTo("*");
        assertThat(shown.network().more().jointImmobilisingProportion()).isEqualTo("*");
        attack(table(MEASURES.get(1), proportions, shown), null, false, Set.of(), "proportions");
        attack(table(MEASURES.get(4), proportions, shown), null, false, Set.of(), "share with diary time");

        // 10 patients with diary time over 7 patient-years who lost 1 day: 0.14 per patient-year is 1/7 alone, since
        // the patient-years are no more than the patients (8–12)
        Truth partYear = truth(10, 10, 0, 0, 0);
        partYear.patientYears = 7;
        partYear.daysLost = 1;
        List<Truth> daysLost = List.of(partYear, truth(20, 20, 0, 0, 0));
        shown = published(daysLost);
        assertThat(shown.items().get(0).more().patientYears()).isEqualTo("*");
        assertThat(shown.items().get(0).more().daysLostPerPatientYear()).isEqualTo("*");
        attack(table(MEASURES.get(5), daysLost, shown), null, false, Set.of(), "days lost");
    }

    @Test
    void noHiddenCountIsRecoveredFromTheNetworkFigures() {
        Random random = new Random(18_101);
        for (int trial = 0; trial < TRIALS; trial++) {
            List<Truth> truths = network(random);
            CentreComparison.Comparison shown = published(truths);
            for (Measure m : MEASURES) {
                attack(
                        table(m, truths, shown),
                        null,
                        false,
                        Set.of(),
                        "trial " + trial + " " + m.name() + " " + describe(m, truths, shown));
            }
        }
    }

    @Test
    void noHiddenCountIsRecoveredFromTheSameTableUnderAnOverlappingFilter() {
        Random random = new Random(18_102);
        for (int trial = 0; trial < TRIALS; trial++) {
            List<Truth> all = network(random);
            List<Truth> severe = new ArrayList<>();
            all.forEach(t -> severe.add(part(random, t)));
            CentreComparison.Comparison shownAll = published(all);
            CentreComparison.Comparison shownSevere = published(severe);
            for (Measure m : MEASURES) {
                attack(
                        table(m, all, shownAll),
                        table(m, severe, shownSevere),
                        true,
                        Set.of(),
                        "trial " + trial + " all vs severe " + m.name() + " " + describe(m, all, shownAll) + " | "
                                + describe(m, severe, shownSevere));
            }
        }
    }

    @Test
    void noHiddenCountIsRecoveredFromConsecutiveYears() {
        Random random = new Random(18_103);
        for (int trial = 0; trial < TRIALS; trial++) {
            List<Truth> first = network(random);
            List<Truth> second = new ArrayList<>();
            Set<Integer> unchanged = new HashSet<>();
            for (int i = 0; i < first.size(); i++) {
                Truth next = random.nextBoolean() ? first.get(i).copy() : centre(random);
                if (random.nextBoolean()) {
                    // the same patients, the same exposure; other events
                    next.included = first.get(i).included;
                    next.patients = first.get(i).patients;
                    next.treatmentYears = first.get(i).treatmentYears;
                    next.patientYears = first.get(i).patientYears;
                    next.daysLost = upTo(random, next.patientYears);
                    next.respondents = first.get(i).respondents;
                    next.answers = upTo(random, 4 * next.respondents);
                    next.zeroBleeds = upTo(random, next.included);
                    next.jointImmobilising = upTo(random, next.included);
                    next.targetJoints = upTo(random, next.included);
                    next.adverseEvents = upTo(random, next.treatmentYears);
                    unchanged.add(i);
                }
                second.add(next);
            }
            CentreComparison.Comparison a = published(first);
            CentreComparison.Comparison b = published(second);
            for (Measure m : MEASURES) {
                attack(
                        table(m, first, a),
                        table(m, second, b),
                        false,
                        unchanged,
                        "trial " + trial + " consecutive years " + m.name() + " " + describe(m, first, a) + " | "
                                + describe(m, second, b) + " unchanged " + unchanged);
            }
        }
    }

    // ------------------------------------------------------------------ the clinician's view

    /** One or two centres of the network, a clinician's own; often a small one, whose row alone is hidden. */
    private static Set<Integer> own(Random random, List<Truth> truths) {
        Set<Integer> own = new HashSet<>();
        int first = random.nextInt(truths.size());
        own.add(first);
        if (truths.size() > 2 && random.nextBoolean()) {
            own.add((first + 1 + random.nextInt(truths.size() - 1)) % truths.size());
        }
        if (random.nextBoolean()) {
            for (int i : own) {
                truths.set(i, centre(random, 1 + random.nextInt(7)));
            }
        }
        return own;
    }

    static String own(Set<Integer> own) {
        return " (a clinician of centres " + new java.util.TreeSet<>(own) + ")";
    }

    /**
     * A clinician sees their own centres as computed and the others as an analyst would; with their own rows exact
     * beside the network row (shown exact when the only hidden centres are their own) and the other centres' rows,
     * they must not pin another centre's hidden count — of patients, of patients with diary time, of exposure.
     */
    @Test
    void aClinicianRecoversNoOtherCentresHiddenCount() {
        Random random = new Random(18_104);
        for (int trial = 0; trial < TRIALS; trial++) {
            List<Truth> truths = new ArrayList<>(network(random));
            Set<Integer> own = own(random, truths);
            CentreComparison.Comparison shown = published(truths, own);
            for (Measure m : MEASURES) {
                attack(
                        table(m, truths, shown, own),
                        null,
                        false,
                        Set.of(),
                        "trial " + trial + own(own) + " " + m.name() + " " + describe(m, truths, shown));
            }
        }
    }

    @Test
    void aClinicianRecoversNoOtherCentresHiddenCountUnderAnOverlappingFilter() {
        Random random = new Random(18_105);
        for (int trial = 0; trial < TRIALS; trial++) {
            List<Truth> all = new ArrayList<>(network(random));
            Set<Integer> own = own(random, all);
            List<Truth> severe = new ArrayList<>();
            all.forEach(t -> severe.add(part(random, t)));
            CentreComparison.Comparison shownAll = published(all, own);
            CentreComparison.Comparison shownSevere = published(severe, own);
            Set<Integer> ownSevere = new HashSet<>(own);
            ownSevere.removeIf(i -> severe.get(i) == null);
            for (Measure m : MEASURES) {
                attack(
                        table(m, all, shownAll, own),
                        table(m, severe, shownSevere, ownSevere),
                        true,
                        Set.of(),
                        "trial " + trial + own(own) + " all vs severe " + m.name() + " " + describe(m, all, shownAll)
                                + " | " + describe(m, severe, shownSevere));
            }
        }
    }

    @Test
    void aClinicianRecoversNoOtherCentresHiddenCountFromConsecutiveYears() {
        Random random = new Random(18_106);
        for (int trial = 0; trial < TRIALS; trial++) {
            List<Truth> first = new ArrayList<>(network(random));
            Set<Integer> own = own(random, first);
            List<Truth> second = new ArrayList<>();
            Set<Integer> unchanged = new HashSet<>();
            for (int i = 0; i < first.size(); i++) {
                Truth next = first.get(i).copy();
                if (random.nextBoolean()) {
                    next.zeroBleeds = upTo(random, next.included);
                    next.jointImmobilising = upTo(random, next.included);
                    next.targetJoints = upTo(random, next.included);
                    next.adverseEvents = upTo(random, next.treatmentYears);
                    next.daysLost = upTo(random, next.patientYears);
                    unchanged.add(i);
                } else {
                    next = centre(random);
                }
                second.add(next);
            }
            CentreComparison.Comparison a = published(first, own);
            CentreComparison.Comparison b = published(second, own);
            for (Measure m : MEASURES) {
                attack(
                        table(m, first, a, own),
                        table(m, second, b, own),
                        false,
                        unchanged,
                        "trial " + trial + own(own) + " consecutive years " + m.name() + " " + describe(m, first, a)
                                + " | " + describe(m, second, b) + " unchanged " + unchanged);
            }
        }
    }

    // ------------------------------------------------------------------ three or more overlapping filters

    private static final int PARTITION_TRIALS = 150;
    /** All (no filter, no other cell) and three severities, each the other two's grid. */
    private static final CentreComparison.Filter ALL = new CentreComparison.Filter(null, null, null);

    private static final CentreComparison.Filter ONE = new CentreComparison.Filter(null, Severity.SEVERE, null);
    private static final CentreComparison.Filter TWO =
            new CentreComparison.Filter(DiagnosisType.HEMOPHILIA_A, Severity.SEVERE, null);
    private static final List<CentreComparison.Filter> SEVERITY_FILTERS = List.of(ALL, ONE, ONE, ONE);

    private static final List<int[]> SEVERITY_GRIDS =
            List.of(new int[] {}, new int[] {2, 3}, new int[] {1, 3}, new int[] {1, 2});

    /** Each centre's patients of each severity (or diagnosis): at most {@code most} each, null when none. */
    private static List<List<Truth>> parts(Random random, int centres, int parts, int most) {
        List<List<Truth>> byCentre = new ArrayList<>();
        while (byCentre.size() < centres) {
            List<Truth> p = new ArrayList<>();
            for (int j = 0; j < parts; j++) {
                p.add(random.nextInt(4) == 0 ? null : centre(random, most));
            }
            Truth whole = sum(p);
            if (whole == null || whole.patients <= RatioAttack.MAX_X) {
                byCentre.add(p); // the attacker's counts reach MAX_X
            }
        }
        return byCentre;
    }

    /** The table of part {@code j} (or the whole, {@code j} < 0) of every centre. */
    static List<Truth> column(List<List<Truth>> byCentre, int j) {
        List<Truth> column = new ArrayList<>();
        byCentre.forEach(p -> column.add(j < 0 ? sum(p) : p.get(j)));
        return column;
    }

    static String describe(Measure m, List<List<Truth>> tables, List<CentreComparison.Comparison> shown) {
        StringBuilder b = new StringBuilder();
        for (int t = 0; t < tables.size(); t++) {
            b.append(" | table ").append(t).append(": ").append(describe(m, tables.get(t), shown.get(t)));
        }
        return b.toString();
    }

    /**
     * Publishes each table (as a clinician of {@code own}, or an analyst) beside the other cells of its filter's grid
     * ({@code grids}: for each table, the indexes of those cells' tables) under its filter ({@code filters}: how many
     * dimensions it sets is what counts) and attacks every measure over the partitions.
     */
    private static void attackPartitions(
            List<List<Truth>> tables,
            List<CentreComparison.Filter> filters,
            List<int[]> partitions,
            List<int[]> grids,
            Set<Integer> own,
            String what) {
        List<CentreComparison.Comparison> shown = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            List<List<Truth>> otherCells = new ArrayList<>();
            for (int c : grids.get(t)) {
                otherCells.add(tables.get(c));
            }
            shown.add(published(tables.get(t), ownIn(own, tables.get(t)), otherCells, filters.get(t)));
        }
        for (Measure m : MEASURES) {
            List<RatioAttack.Table> attacked = new ArrayList<>();
            for (int t = 0; t < tables.size(); t++) {
                attacked.add(table(m, tables.get(t), shown.get(t), ownIn(own, tables.get(t))));
            }
            RatioAttack.attack(attacked, partitions, what + " " + m.name() + describe(m, tables, shown));
        }
    }

    static Set<Integer> ownIn(Set<Integer> own, List<Truth> table) {
        Set<Integer> in = new HashSet<>(own);
        in.removeIf(i -> table.get(i) == null);
        return in;
    }

    /**
     * All patients beside the severe, the moderate and the mild ones (every patient of known severity): a centre
     * shown under all and two severities gives the third away if each is pinned, whatever the network rows show.
     */
    @Test
    void noHiddenCountIsRecoveredFromAllAndEverySeverity() {
        Random random = new Random(18_107);
        for (int trial = 0; trial < PARTITION_TRIALS; trial++) {
            List<List<Truth>> byCentre = parts(random, 2 + random.nextInt(2), 3, 10);
            List<List<Truth>> tables =
                    List.of(column(byCentre, -1), column(byCentre, 0), column(byCentre, 1), column(byCentre, 2));
            attackPartitions(
                    tables,
                    SEVERITY_FILTERS,
                    List.of(new int[] {0, 1, 2, 3}),
                    SEVERITY_GRIDS,
                    Set.of(),
                    "trial " + trial + " severities");
        }
    }

    /** The same as a clinician of one centre, whose own rows are exact under every filter. */
    @Test
    void aClinicianRecoversNoOtherCentresHiddenCountFromAllAndEverySeverity() {
        Random random = new Random(18_108);
        for (int trial = 0; trial < PARTITION_TRIALS; trial++) {
            List<List<Truth>> byCentre = parts(random, 2 + random.nextInt(2), 3, 10);
            List<List<Truth>> tables =
                    List.of(column(byCentre, -1), column(byCentre, 0), column(byCentre, 1), column(byCentre, 2));
            Set<Integer> own = Set.of(random.nextInt(byCentre.size()));
            attackPartitions(
                    tables,
                    SEVERITY_FILTERS,
                    List.of(new int[] {0, 1, 2, 3}),
                    SEVERITY_GRIDS,
                    own,
                    "trial " + trial + own(own) + " severities");
        }
    }

    /**
     * Diagnosis by severity: all, each diagnosis, each severity and each diagnosis and severity, linked by every row
     * and column sum of the grid.
     */
    @Test
    void noHiddenCountIsRecoveredFromDiagnosisBySeverityFilters() {
        Random random = new Random(18_109);
        for (int trial = 0; trial < PARTITION_TRIALS; trial++) {
            // cells: 0 A severe, 1 A moderate, 2 B severe, 3 B moderate
            List<List<Truth>> byCentre = parts(random, 2 + random.nextInt(2), 4, 7 + random.nextInt(2));
            List<Truth> all = column(byCentre, -1);
            List<Truth> a = new ArrayList<>();
            List<Truth> b = new ArrayList<>();
            List<Truth> severe = new ArrayList<>();
            List<Truth> moderate = new ArrayList<>();
            for (List<Truth> p : byCentre) {
                a.add(sum(List.of(nullable(p.get(0)), nullable(p.get(1)))));
                b.add(sum(List.of(nullable(p.get(2)), nullable(p.get(3)))));
                severe.add(sum(List.of(nullable(p.get(0)), nullable(p.get(2)))));
                moderate.add(sum(List.of(nullable(p.get(1)), nullable(p.get(3)))));
            }
            List<List<Truth>> tables = List.of(
                    all,
                    a,
                    b,
                    severe,
                    moderate,
                    column(byCentre, 0),
                    column(byCentre, 1),
                    column(byCentre, 2),
                    column(byCentre, 3));
            Set<Integer> own = random.nextBoolean() ? Set.of() : Set.of(random.nextInt(byCentre.size()));
            attackPartitions(
                    tables,
                    List.of(ALL, ONE, ONE, ONE, ONE, TWO, TWO, TWO, TWO),
                    List.of(
                            new int[] {0, 1, 2},
                            new int[] {0, 3, 4},
                            new int[] {1, 5, 6},
                            new int[] {2, 7, 8},
                            new int[] {3, 5, 7},
                            new int[] {4, 6, 8}),
                    List.of(
                            new int[] {},
                            new int[] {2},
                            new int[] {1},
                            new int[] {4},
                            new int[] {3},
                            new int[] {6, 7, 8},
                            new int[] {5, 7, 8},
                            new int[] {5, 6, 8},
                            new int[] {5, 6, 7}),
                    own,
                    "trial " + trial + own(own) + " diagnosis by severity");
        }
    }

    /** A part that may be absent, for {@link #sum} (List.of takes no null). */
    static Truth nullable(Truth t) {
        return t == null ? new Truth() : t;
    }
}
