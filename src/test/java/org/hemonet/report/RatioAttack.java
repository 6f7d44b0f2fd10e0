package org.hemonet.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The attacker of the differencing tests whose figures are built on counts (clinical.md §8, issue 18): {@link
 * ComparisonDifferencingTest} (the centres compared) and {@link ServiceDifferencingTest} (the service measures).
 *
 * <p>A figure {@code k / x} (a proportion, or a rate per exposure) shown to 2 or 3 decimals beside its count {@code x}
 * is an equation in whole numbers: 0.125 over 8–12 patients can only be 1 of 8, and a network figure is the sum of the
 * centres' events over the sum of their counts. So the attacker keeps, for each centre, every pair (x, k) that agrees
 * with all that is shown — its count cell (rounded, {@code *} for 1–7 or a secondary suppression, exact 0), its figure,
 * an upper bound of x (the centre's patients), the network's count and figure over the sums — and narrows these sets to
 * a fixpoint, alone or over two tables linked by what the attacker knows: a subset (severe patients within all
 * patients: x and k no larger) or two consecutive years of a centre whose count did not change (the same x). A hidden
 * count of 1–7 left with a single possible value is recovered, and {@link #attack} fails.
 *
 * <p>The attacker is sound for "nothing leaks": it may know more than a real one (the generators' bounds on events),
 * never less, so a count it cannot pin a real attacker cannot either.
 */
final class RatioAttack {

    private RatioAttack() {}

    /** The attacker's largest count of a hidden centre (the generators make at most 25 patients a centre). */
    static final int MAX_X = 30;

    /** The figure shown for k events over a count x, before rounding to the decimals shown. */
    interface Value {
        double of(int k, int x);
    }

    /**
     * A figure of a report: how it is computed from (k, x), and the most events x can have.
     *
     * @param countIsNumerator whether the count at risk is k, published in its own cell (patients with diary time among
     *     a centre's patients), rather than x
     */
    record Measure(String name, Value value, IntUnaryOperator mostEvents, boolean countIsNumerator) {

        Measure(String name, Value value, IntUnaryOperator mostEvents) {
            this(name, value, mostEvents, false);
        }
    }

    /**
     * What one centre's row shows of a measure, beside the truth.
     *
     * @param x the true count (the figure's denominator)
     * @param k the true events (its numerator)
     * @param cell x as shown
     * @param value the figure as shown
     * @param bound the centre's patients as shown, an upper bound of x; {@code *} when the row is hidden throughout
     * @param kCell k as shown, when k is itself a published count (see {@link Measure#countIsNumerator})
     */
    record Seen(int x, int k, String cell, String value, String bound, @Nullable String kCell, boolean known) {

        Seen(int x, int k, String cell, String value, String bound, @Nullable String kCell) {
            this(x, k, cell, value, bound, kCell, false);
        }

        Seen(int x, int k, String cell, String value, String bound) {
            this(x, k, cell, value, bound, null);
        }

        /** A row the reader sees as computed (a clinician's own centre): the attacker knows its x and k. */
        static Seen known(int x, int k) {
            return new Seen(x, k, Integer.toString(x), "", Integer.toString(x), null, true);
        }
    }

    private static final DisclosureControl CONTROL = DisclosureControl.defaults();

    /** A count shown nowhere (a centre's respondents): anything from 0 to the bound, and pinned if 1–7 is a leak. */
    static final String UNSHOWN = "?";

    /** The counts {@link DisclosureControl#count} shows as {@code shown}. */
    static int[] preimage(String shown, int most) {
        if (shown.equals("0")) {
            return new int[] {0, 0};
        }
        if (shown.equals(DisclosureControl.SUPPRESSED)) {
            return new int[] {1, most}; // 1–7, or a partner hidden with them: no upper bound of its own
        }
        if (shown.equals(UNSHOWN)) {
            return new int[] {0, most};
        }
        int lo = Integer.MAX_VALUE;
        int hi = -1;
        for (int x = 0; x <= most + 10; x++) {
            if (CONTROL.count(x).equals(shown)) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        return new int[] {lo, hi};
    }

    /** A set of small whole numbers (0 to {@link #MAX_K}), for sums of event counts. */
    static final class Bits {
        final long[] words = new long[WORDS];

        static Bits of(int value) {
            Bits b = new Bits();
            b.set(value);
            return b;
        }

        void set(int i) {
            words[i >>> 6] |= 1L << (i & 63);
        }

        boolean get(int i) {
            return i >= 0 && i <= MAX_K && (words[i >>> 6] & (1L << (i & 63))) != 0;
        }

        boolean isEmpty() {
            for (long w : words) {
                if (w != 0) {
                    return false;
                }
            }
            return true;
        }

        /** Adds every member of {@code b} shifted up by {@code by}. */
        void orShifted(Bits b, int by) {
            int whole = by >>> 6;
            int bits = by & 63;
            for (int i = WORDS - 1; i >= whole; i--) {
                long w = b.words[i - whole] << bits;
                if (bits != 0 && i - whole - 1 >= 0) {
                    w |= b.words[i - whole - 1] >>> (64 - bits);
                }
                words[i] |= w;
            }
        }

        boolean intersectsShifted(Bits b, int by) {
            Bits shifted = new Bits();
            shifted.orShifted(b, by);
            for (int i = 0; i < WORDS; i++) {
                if ((shifted.words[i] & words[i]) != 0) {
                    return true;
                }
            }
            return false;
        }

        int max() {
            for (int i = MAX_K; i >= 0; i--) {
                if (get(i)) {
                    return i;
                }
            }
            return -1;
        }

        int min() {
            for (int i = 0; i <= MAX_K; i++) {
                if (get(i)) {
                    return i;
                }
            }
            return -1;
        }

        int size() {
            int n = 0;
            for (long w : words) {
                n += Long.bitCount(w);
            }
            return n;
        }
    }

    private static final int WORDS = 4;
    private static final int MAX_K = WORDS * 64 - 1;

    /**
     * One published table under attack for one measure: for each centre, by its possible count x, the set of its
     * possible event counts k.
     */
    static final class Table {
        final List<Map<Integer, Bits>> possible = new ArrayList<>();
        final List<Integer> truthCount = new ArrayList<>();
        final List<Boolean> hiddenCount = new ArrayList<>();
        /** x, when the count at risk is k but x is a published count too (a centre's patients): checked as well. */
        final List<Integer> truthX = new ArrayList<>();

        final List<Boolean> hiddenX = new ArrayList<>();
        final String networkX;
        final String networkValue;
        final Measure measure;

        Table(Measure m, List<@Nullable Seen> centres, String networkX, String networkValue) {
            this.measure = m;
            this.networkX = networkX;
            this.networkValue = networkValue;
            for (Seen s : centres) {
                Map<Integer, Bits> pairs = new HashMap<>();
                if (s == null) {
                    // nobody to count: the centre is not listed, which says x = 0 and k = 0
                    pairs.put(0, Bits.of(0));
                    possible.add(pairs);
                    truthCount.add(0);
                    hiddenCount.add(false);
                    truthX.add(0);
                    hiddenX.add(false);
                    continue;
                }
                if (s.known()) {
                    pairs.put(s.x(), Bits.of(s.k()));
                    possible.add(pairs);
                    truthCount.add(m.countIsNumerator() ? s.k() : s.x());
                    hiddenCount.add(false);
                    truthX.add(s.x());
                    hiddenX.add(false);
                    continue;
                }
                boolean rowHidden = s.bound().equals(DisclosureControl.SUPPRESSED);
                int[] range = preimage(s.cell(), MAX_X);
                if (rowHidden) {
                    range[0] = 0; // a row hidden throughout shows * for its zeros too
                }
                int most = rowHidden ? MAX_X : preimage(s.bound(), MAX_X)[1];
                String kCell = s.kCell();
                int[] kRange = kCell == null ? new int[] {0, MAX_K} : preimage(kCell, MAX_X);
                if (kCell != null && rowHidden) {
                    kRange[0] = 0;
                }
                for (int x = range[0]; x <= Math.min(range[1], most); x++) {
                    Bits ks = new Bits();
                    for (int k = kRange[0];
                            k
                                    <= Math.min(
                                            Math.min(kRange[1], MAX_K),
                                            m.mostEvents().applyAsInt(x));
                            k++) {
                        if (agrees(m, s.value(), k, x)) {
                            ks.set(k);
                        }
                    }
                    if (!ks.isEmpty()) {
                        pairs.put(x, ks);
                    }
                }
                assertThat(pairs.containsKey(s.x()) && pairs.get(s.x()).get(s.k()))
                        .as("the truth is among the attacker's possibilities: " + m.name() + " x " + s.x() + " k "
                                + s.k() + " shown " + s.cell() + " / " + s.value() + " of " + s.bound())
                        .isTrue();
                possible.add(pairs);
                truthCount.add(kCell == null ? s.x() : s.k());
                String counted = kCell == null ? s.cell() : kCell;
                hiddenCount.add(counted.equals(DisclosureControl.SUPPRESSED) || counted.equals(UNSHOWN));
                truthX.add(s.x());
                hiddenX.add(s.cell().equals(DisclosureControl.SUPPRESSED));
            }
        }

        /** Whether a figure shown as {@code value} can be k over x. */
        private static boolean agrees(Measure m, String value, int k, int x) {
            if (value.equals(DisclosureControl.SUPPRESSED)) {
                return true;
            }
            if (x == 0) {
                // undefined; events outside the exposure (a patient never treated in the year) still count
                return value.equals("–") && k <= m.mostEvents().applyAsInt(0);
            }
            if (value.equals("–")) {
                return false; // undefined only over nobody
            }
            // at the decimals shown: a network figure may be coarser than a centre's
            int scale = new java.math.BigDecimal(value).scale();
            return value.equals(MoreMeasures.decimal(m.value().of(k, x), scale));
        }

        /** Whether the network row agrees with the sums (x, k). */
        private boolean networkAgrees(int x, int k) {
            if (!networkX.equals(DisclosureControl.SUPPRESSED)
                    && !networkX.equals(UNSHOWN)
                    && !networkX.equals(Integer.toString(x))) {
                return false;
            }
            return agrees(measure, networkValue, k, x);
        }

        /** Keeps of each centre's pairs those that some pairs of the other centres complete to what is shown. */
        boolean narrow() {
            if (networkX.equals(DisclosureControl.SUPPRESSED) && networkValue.equals(DisclosureControl.SUPPRESSED)) {
                return false; // the network row says nothing of these columns
            }
            int totalX = possible.stream()
                    .mapToInt(p -> p.keySet().stream()
                            .mapToInt(Integer::intValue)
                            .max()
                            .orElse(0))
                    .sum();
            Bits[] allowed = new Bits[totalX + 1];
            for (int x = 0; x <= totalX; x++) {
                allowed[x] = new Bits();
                for (int k = 0; k <= MAX_K - 1; k++) {
                    if (networkAgrees(x, k)) {
                        allowed[x].set(k);
                    }
                }
            }
            boolean changed = false;
            for (int j = 0; j < possible.size(); j++) {
                Bits[] sums = new Bits[totalX + 1];
                sums[0] = Bits.of(0);
                for (int i = 0; i < possible.size(); i++) {
                    if (i != j) {
                        sums = add(sums, possible.get(i));
                    }
                }
                Map<Integer, Bits> kept = new HashMap<>();
                for (Map.Entry<Integer, Bits> e : possible.get(j).entrySet()) {
                    int x = e.getKey();
                    Bits ks = new Bits();
                    for (int k = 0, most = e.getValue().max(); k <= most; k++) {
                        if (!e.getValue().get(k)) {
                            continue;
                        }
                        for (int sx = 0; sx + x <= totalX; sx++) {
                            if (sums[sx] != null && allowed[sx + x].intersectsShifted(sums[sx], k)) {
                                ks.set(k);
                                break;
                            }
                        }
                    }
                    if (!ks.isEmpty()) {
                        kept.put(x, ks);
                    }
                    changed |= ks.size() < e.getValue().size();
                }
                possible.set(j, kept);
            }
            return changed;
        }

        /** Every (Σx, Σk) of {@code sums} plus one pair of {@code centre}. */
        static Bits[] add(Bits[] sums, Map<Integer, Bits> centre) {
            Bits[] next = new Bits[sums.length];
            for (int sx = 0; sx < sums.length; sx++) {
                if (sums[sx] == null) {
                    continue;
                }
                for (Map.Entry<Integer, Bits> e : centre.entrySet()) {
                    int x = sx + e.getKey();
                    if (x >= next.length) {
                        continue;
                    }
                    if (next[x] == null) {
                        next[x] = new Bits();
                    }
                    for (int k = 0, most = e.getValue().max(); k <= most; k++) {
                        if (e.getValue().get(k)) {
                            next[x].orShifted(sums[sx], k);
                        }
                    }
                }
            }
            return next;
        }

        /** The values the count at risk (x, or k for a measure whose numerator is the count) may still have. */
        Set<Integer> possibleCount(int centre) {
            if (!measure.countIsNumerator()) {
                return possible.get(centre).keySet();
            }
            Set<Integer> ks = new HashSet<>();
            possible.get(centre).values().forEach(b -> {
                for (int k = 0; k <= b.max(); k++) {
                    if (b.get(k)) {
                        ks.add(k);
                    }
                }
            });
            return ks;
        }
    }

    /**
     * Keeps the pairs of {@code small} within some pair of {@code large} (x and k no larger; with {@code equalX} the
     * same x) and the pairs of {@code large} above some pair of small.
     */
    private static boolean within(Map<Integer, Bits> small, Map<Integer, Bits> large, boolean equalX) {
        int before = total(small) + total(large);
        Map<Integer, Bits> keptSmall = new HashMap<>();
        small.forEach((xs, ks) -> {
            int mostK = large.entrySet().stream()
                    .filter(e -> equalX ? e.getKey().equals(xs) : e.getKey() >= xs)
                    .mapToInt(e -> equalX ? MAX_K : e.getValue().max())
                    .max()
                    .orElse(-1);
            Bits kept = new Bits();
            for (int k = 0; k <= mostK; k++) {
                if (ks.get(k)) {
                    kept.set(k);
                }
            }
            if (!kept.isEmpty()) {
                keptSmall.put(xs, kept);
            }
        });
        Map<Integer, Bits> keptLarge = new HashMap<>();
        large.forEach((xl, kl) -> {
            int leastK = keptSmall.entrySet().stream()
                    .filter(e -> equalX ? e.getKey().equals(xl) : e.getKey() <= xl)
                    .mapToInt(e -> equalX ? 0 : e.getValue().min())
                    .min()
                    .orElse(Integer.MAX_VALUE);
            Bits kept = new Bits();
            for (int k = Math.max(0, leastK); k <= MAX_K && leastK != Integer.MAX_VALUE; k++) {
                if (kl.get(k)) {
                    kept.set(k);
                }
            }
            if (!kept.isEmpty()) {
                keptLarge.put(xl, kept);
            }
        });
        small.clear();
        small.putAll(keptSmall);
        large.clear();
        large.putAll(keptLarge);
        return total(small) + total(large) < before;
    }

    private static int total(Map<Integer, Bits> pairs) {
        return pairs.values().stream().mapToInt(Bits::size).sum();
    }

    /** Narrows both tables and their links to a fixpoint, then checks no hidden count of 1–7 is pinned. */
    static void attack(Table a, @Nullable Table b, boolean subset, Set<Integer> sameX, String what) {
        boolean changed = true;
        for (int round = 0; changed && round < 20; round++) {
            changed = a.narrow();
            changed |= b != null && b.narrow();
            if (b != null) {
                for (int i = 0; i < a.possible.size(); i++) {
                    if (subset) {
                        changed |= within(b.possible.get(i), a.possible.get(i), false);
                    } else if (sameX.contains(i)) {
                        changed |= within(b.possible.get(i), a.possible.get(i), true);
                    }
                }
            }
        }
        for (Table t : b == null ? List.of(a) : List.of(a, b)) {
            check(t, what);
        }
    }

    /** Fails when a hidden count of 1–7 of {@code t} is left with a single possible value. */
    static void check(Table t, String what) {
        for (int i = 0; i < t.possible.size(); i++) {
            int truth = t.truthCount.get(i);
            assertThat(t.possibleCount(i))
                    .as(what + ": the truth stays possible")
                    .contains(truth);
            if (t.hiddenCount.get(i) && truth >= 1 && truth <= 7) {
                assertThat(t.possibleCount(i))
                        .as(what + ": centre " + i + "'s hidden " + t.measure.name() + " count " + truth + " recovered")
                        .hasSizeGreaterThan(1);
            }
            int x = t.truthX.get(i);
            if (t.measure.countIsNumerator() && t.hiddenX.get(i) && x >= 1 && x <= 7) {
                assertThat(t.possible.get(i).keySet())
                        .as(what + ": centre " + i + "'s hidden " + t.measure.name() + " denominator " + x
                                + " recovered")
                        .hasSizeGreaterThan(1);
            }
        }
    }

    /**
     * Keeps of a centre's pairs under a filter those that pairs of the filters partitioning it sum to (all patients
     * are the severe, moderate and mild ones), and of each part those that the others complete to a pair of the whole.
     */
    static boolean partition(Map<Integer, Bits> whole, List<Map<Integer, Bits>> parts) {
        int before = total(whole) + parts.stream().mapToInt(RatioAttack::total).sum();
        Bits[] all = sums(parts, -1);
        Map<Integer, Bits> keptWhole = new HashMap<>();
        whole.forEach((x, ks) -> {
            Bits kept = new Bits();
            for (int k = 0, most = ks.max(); k <= most; k++) {
                if (ks.get(k) && x < all.length && all[x] != null && all[x].get(k)) {
                    kept.set(k);
                }
            }
            if (!kept.isEmpty()) {
                keptWhole.put(x, kept);
            }
        });
        whole.clear();
        whole.putAll(keptWhole);
        for (int j = 0; j < parts.size(); j++) {
            Bits[] others = sums(parts, j);
            Map<Integer, Bits> kept = new HashMap<>();
            parts.get(j).forEach((x, ks) -> {
                Bits keptKs = new Bits();
                for (int k = 0, most = ks.max(); k <= most; k++) {
                    if (!ks.get(k)) {
                        continue;
                    }
                    for (Map.Entry<Integer, Bits> w : whole.entrySet()) {
                        int rest = w.getKey() - x;
                        if (rest < 0 || rest >= others.length || others[rest] == null) {
                            continue;
                        }
                        Bits wk = w.getValue();
                        boolean found = false;
                        for (int kk = k, most2 = wk.max(); kk <= most2; kk++) {
                            if (wk.get(kk) && others[rest].get(kk - k)) {
                                found = true;
                                break;
                            }
                        }
                        if (found) {
                            keptKs.set(k);
                            break;
                        }
                    }
                }
                if (!keptKs.isEmpty()) {
                    kept.put(x, keptKs);
                }
            });
            parts.get(j).clear();
            parts.get(j).putAll(kept);
        }
        return total(whole) + parts.stream().mapToInt(RatioAttack::total).sum() < before;
    }

    /** Every (Σx, Σk) of one pair of each part but {@code skip}, by Σx up to {@link #MAX_X}. */
    private static Bits[] sums(List<Map<Integer, Bits>> parts, int skip) {
        Bits[] sums = new Bits[MAX_X + 1];
        sums[0] = Bits.of(0);
        for (int i = 0; i < parts.size(); i++) {
            if (i != skip) {
                sums = Table.add(sums, parts.get(i));
            }
        }
        return sums;
    }

    /**
     * Narrows several tables of one measure (the same centres under several filters) and the partitions linking them
     * to a fixpoint, then checks no hidden count of 1–7 is pinned. Each partition is the index of a whole table
     * followed by the indexes of the tables of its parts: every centre's x and k under the whole are the sums of its
     * parts' (the attacker knows there is no patient of unknown severity).
     */
    static void attack(List<Table> tables, List<int[]> partitions, String what) {
        attack(tables, partitions, List.of(), what);
    }

    /**
     * Two tables of the same centres a year apart (GridDifferencingTest): every centre's x in table {@code later} is its
     * x in {@code earlier} plus {@code least} to {@code most} (patients who moved between the cells of a grid — a child
     * turning 12, a switch of regimen — at most so many, as the attacker is told); its k is free (another year's
     * events). {@code least = most = 0} says the centre's count did not change.
     */
    record Link(int earlier, int later, int least, int most) {}

    /** Keeps the pairs of {@code later} whose x is some x of {@code earlier} plus least to most, and the converse. */
    private static boolean near(Map<Integer, Bits> earlier, Map<Integer, Bits> later, int least, int most) {
        int before = total(earlier) + total(later);
        Set<Integer> earlierX = Set.copyOf(earlier.keySet());
        later.keySet().removeIf(x -> earlierX.stream().noneMatch(e -> x - e >= least && x - e <= most));
        earlier.keySet().removeIf(e -> later.keySet().stream().noneMatch(x -> x - e >= least && x - e <= most));
        return total(earlier) + total(later) < before;
    }

    /** As {@link #attack(List, List, String)}, with the tables also linked across years ({@link Link}). */
    static void attack(List<Table> tables, List<int[]> partitions, List<Link> links, String what) {
        boolean changed = true;
        for (int round = 0; changed && round < 30; round++) {
            changed = false;
            for (Table t : tables) {
                changed |= t.narrow();
            }
            for (Link l : links) {
                for (int i = 0; i < tables.get(l.earlier()).possible.size(); i++) {
                    changed |= near(
                            tables.get(l.earlier()).possible.get(i),
                            tables.get(l.later()).possible.get(i),
                            l.least(),
                            l.most());
                }
            }
            for (int[] p : partitions) {
                Table whole = tables.get(p[0]);
                for (int i = 0; i < whole.possible.size(); i++) {
                    List<Map<Integer, Bits>> parts = new ArrayList<>();
                    for (int j = 1; j < p.length; j++) {
                        parts.add(tables.get(p[j]).possible.get(i));
                    }
                    changed |= partition(whole.possible.get(i), parts);
                }
            }
        }
        for (Table t : tables) {
            check(t, what);
        }
    }
}
