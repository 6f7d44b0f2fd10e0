package org.hemonet.pk.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hemonet.pk.VialCount;

/**
 * Rounds a dose up to the smallest total that whole vials can make, using as few vials as possible for that total
 * (unbounded change-making by dynamic programming over multiples of the vials' greatest common divisor).
 */
public final class VialRounding {

    private VialRounding() {}

    /** The vials for at least {@code doseIu}, largest size first; empty for a dose of 0. */
    public static List<VialCount> roundUp(double doseIu, List<Integer> vialSizesIu) {
        int[] sizes = vialSizesIu.stream()
                .mapToInt(Integer::intValue)
                .distinct()
                .sorted()
                .toArray();
        if (sizes.length == 0 || sizes[0] <= 0) {
            throw new IllegalArgumentException("vial sizes must be positive");
        }
        if (doseIu <= 0) {
            return List.of();
        }
        int unit = 0;
        for (int size : sizes) {
            unit = gcd(unit, size);
        }
        int target = (int) Math.ceil(doseIu / unit - 1e-9);
        int limit = target + sizes[sizes.length - 1] / unit;
        int[] fewest = new int[limit + 1];
        int[] lastVial = new int[limit + 1];
        Arrays.fill(fewest, Integer.MAX_VALUE);
        fewest[0] = 0;
        for (int total = 1; total <= limit; total++) {
            for (int size : sizes) {
                int rest = total - size / unit;
                if (rest >= 0 && fewest[rest] != Integer.MAX_VALUE && fewest[rest] + 1 < fewest[total]) {
                    fewest[total] = fewest[rest] + 1;
                    lastVial[total] = size;
                }
            }
        }
        int chosen = target;
        while (fewest[chosen] == Integer.MAX_VALUE) {
            chosen++;
        }
        int[] counts = new int[sizes.length];
        for (int total = chosen; total > 0; total -= lastVial[total] / unit) {
            counts[Arrays.binarySearch(sizes, lastVial[total])]++;
        }
        List<VialCount> vials = new ArrayList<>();
        for (int i = sizes.length - 1; i >= 0; i--) {
            if (counts[i] > 0) {
                vials.add(new VialCount(sizes[i], counts[i]));
            }
        }
        return List.copyOf(vials);
    }

    public static int total(List<VialCount> vials) {
        return vials.stream().mapToInt(v -> v.sizeIu() * v.count()).sum();
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
