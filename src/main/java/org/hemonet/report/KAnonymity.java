package org.hemonet.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * k-anonymity over the quasi-identifiers of a research extract (issue 18): age band, sex, region, severity and
 * inhibitor status. Pure: no database, no clock.
 *
 * <p>The algorithm (local recoding, greedy, then suppression):
 *
 * <ol>
 *   <li>Every row starts at level 0 (5-year age band, region). Rows whose class — the rows sharing all five
 *       quasi-identifier values at that level — holds at least {@code k} rows keep that level.
 *   <li>The rest move one level up the hierarchy and are grouped again among themselves: level 1 widens the age band
 *       to 10 years, level 2 to 20 years, level 3 also replaces the region by its nation, level 4 keeps only child
 *       (0–17) or adult (18+). Wider age bands come first, the region goes to its nation only after.
 *   <li>Rows still in a class smaller than {@code k} at the last level are suppressed (left out).
 * </ol>
 *
 * <p>Every class of the output (every distinct combination of the five published values) therefore holds at least
 * {@code k} rows: it is the union of one or more classes that were accepted with at least {@code k} rows each (two
 * levels can publish the same values, e.g. {@code 80+} at levels 0–2, or Wales as region and as nation, which only
 * makes the class larger), and a row that moves up never shrinks a published class, since it leaves only classes that
 * were refused. The counts report how many published rows were generalised (published above level 0) and how many
 * were suppressed.
 */
final class KAnonymity {

    /** The smallest k allowed (issue 18: k ≥ 5). */
    static final int MINIMUM_K = 5;

    /** The last level of the hierarchy. */
    static final int LAST_LEVEL = 4;

    /**
     * The quasi-identifiers of one row as measured.
     *
     * @param age whole years on the reference date of the extract
     * @param region the region of residence (or {@code Unknown})
     * @param nation the nation the region belongs to (or {@code Unknown})
     */
    record Quasi(int age, String sex, String region, String nation, String severity, String inhibitorStatus) {}

    /** The published quasi-identifiers of a row; {@code area} is the region, or the nation from level 3 on. */
    record Published(String ageBand, String sex, String area, String severity, String inhibitorStatus) {}

    /** One row in, with whatever else the row carries. */
    record Row<T>(Quasi quasi, T payload) {}

    /** One row out: its published quasi-identifiers, the level it was published at, and its payload. */
    record Anonymised<T>(Published published, int level, T payload) {}

    /** The published rows in input order (suppressed rows left out) and the counts. */
    record Result<T>(List<Anonymised<T>> rows, int generalised, int suppressed) {}

    private KAnonymity() {}

    static <T> Result<T> anonymise(List<Row<T>> rows, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive");
        }
        int[] level = new int[rows.size()];
        boolean[] done = new boolean[rows.size()];
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            pending.add(i);
        }
        for (int l = 0; l <= LAST_LEVEL && !pending.isEmpty(); l++) {
            Map<Published, List<Integer>> classes = new HashMap<>();
            for (int i : pending) {
                classes.computeIfAbsent(publish(rows.get(i).quasi(), l), x -> new ArrayList<>())
                        .add(i);
            }
            List<Integer> still = new ArrayList<>();
            for (List<Integer> members : classes.values()) {
                for (int i : members) {
                    level[i] = l;
                    if (members.size() >= k) {
                        done[i] = true;
                    } else {
                        still.add(i);
                    }
                }
            }
            pending = still;
        }
        List<Anonymised<T>> out = new ArrayList<>();
        int generalised = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (!done[i]) {
                continue;
            }
            out.add(new Anonymised<>(
                    publish(rows.get(i).quasi(), level[i]),
                    level[i],
                    rows.get(i).payload()));
            if (level[i] > 0) {
                generalised++;
            }
        }
        return new Result<>(out, generalised, rows.size() - out.size());
    }

    /** The published values of a row at a level of the hierarchy. */
    static Published publish(Quasi q, int level) {
        String area = level >= 3 ? q.nation() : q.region();
        return new Published(ageBand(q.age(), level), q.sex(), area, q.severity(), q.inhibitorStatus());
    }

    /**
     * The age band at a level: 5 years (0-4 … 80+), 10 years (0-9 … 80+), 20 years (0-19, 20-39, 40-59, 60-79, 80+),
     * then again 20 years (the region widens at level 3), then 0-17 and 18+. ASCII hyphens, so that a spreadsheet
     * reads the band as text.
     */
    static String ageBand(int age, int level) {
        int a = Math.max(0, age);
        if (level >= 4) {
            return a < 18 ? "0-17" : "18+";
        }
        int width = level == 0 ? 5 : level == 1 ? 10 : 20;
        if (a >= 80) {
            return "80+";
        }
        int low = a / width * width;
        return low + "-" + (low + width - 1);
    }
}
