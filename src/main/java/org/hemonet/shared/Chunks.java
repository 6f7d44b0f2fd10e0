package org.hemonet.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * A list in consecutive pieces, for the network-wide computations that read each patient's diary: a national cohort
 * (8,000 patients, a year and a half of entries each) read at once is some 400,000 infusions held together, more than
 * the app's heap of 512 MiB leaves beside a second report (issue 14's national dataset, found running the centres
 * compared there). Read and computed a piece at a time, the memory held is a piece's.
 */
public final class Chunks {

    /** Patients whose diaries are held at once by the cohort computations. */
    public static final int PATIENTS = 250;

    private Chunks() {}

    /** {@code items} in order, in views of at most {@code size} (the last may be shorter); none when empty. */
    public static <T> List<List<T>> of(List<T> items, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1");
        }
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            chunks.add(items.subList(i, Math.min(items.size(), i + size)));
        }
        return chunks;
    }
}
