package org.hemonet.supply;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dose made up of whole vials: the smallest total at or above the wanted amount that the vial sizes allow, and of
 * those the one with fewest vials (clinical.md §6: "round up to whole vials of the sizes the patient holds").
 *
 * @param total the amount in the vials, in the product's unit
 * @param vials vial size → count, largest size first
 */
public record VialCombination(int total, Map<Integer, Integer> vials) {

    public VialCombination {
        vials = Collections.unmodifiableMap(new LinkedHashMap<>(vials));
    }

    public int vialCount() {
        return vials.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Rounds {@code wanted} (> 0) up to whole vials of {@code sizes}. */
    public static VialCombination roundUp(double wanted, List<Integer> sizes) {
        if (sizes.isEmpty() || !(wanted > 0)) {
            throw new IllegalArgumentException("Need vial sizes and a positive amount");
        }
        int gcd = sizes.stream().reduce(0, VialCombination::gcd);
        int max = Collections.max(sizes);
        int target = (int) Math.ceil(wanted / gcd - 1e-9);
        int limit = target + max / gcd;
        // fewest vials to make exactly n·gcd, by dynamic programming over totals
        int[] fewest = new int[limit + 1];
        int[] lastSize = new int[limit + 1];
        java.util.Arrays.fill(fewest, Integer.MAX_VALUE);
        fewest[0] = 0;
        for (int n = 1; n <= limit; n++) {
            for (int size : sizes) {
                int step = size / gcd;
                if (step <= n && fewest[n - step] != Integer.MAX_VALUE && fewest[n - step] + 1 < fewest[n]) {
                    fewest[n] = fewest[n - step] + 1;
                    lastSize[n] = size;
                }
            }
        }
        for (int n = Math.max(target, 1); n <= limit; n++) {
            if (fewest[n] != Integer.MAX_VALUE) {
                Map<Integer, Integer> counts = new LinkedHashMap<>();
                List<Integer> descending = new ArrayList<>(sizes);
                descending.sort(Collections.reverseOrder());
                descending.forEach(size -> counts.put(size, 0));
                for (int rest = n; rest > 0; rest -= lastSize[rest] / gcd) {
                    counts.merge(lastSize[rest], 1, Integer::sum);
                }
                counts.values().removeIf(count -> count == 0);
                return new VialCombination(n * gcd, counts);
            }
        }
        throw new IllegalStateException("unreachable: the largest vial always reaches the limit");
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
