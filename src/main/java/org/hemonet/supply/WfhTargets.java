package org.hemonet.supply;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Target peak factor levels by bleed site and for surgery when there is no resource constraint, from Srivastava et al.,
 * WFH Guidelines for the Management of Hemophilia, 3rd edition, Haemophilia 2020;26 Suppl 6 (clinical.md §6).
 *
 * <p>Haemophilia B values are from clinical.md as given. The haemophilia A values marked "(verify)" in clinical.md
 * (iliopsoas, intracranial, throat/neck and gastrointestinal starting at 80–100, maintenance 50, renal and laceration
 * 50, and the major-surgery levels) were taken from secondary sources and await a check against the paper.
 */
public final class WfhTargets {

    /**
     * One phase of treatment: keep the peak level within {@code [low, high]} IU/dL from day {@code fromDay} to day
     * {@code toDay} (the longest course the guideline gives; {@code null}: until healed); day 0 is the pre-operative
     * dose.
     */
    public record Phase(int lowIuPerDl, int highIuPerDl, int fromDay, @Nullable Integer toDay) {}

    private static final Map<BleedSite, List<Phase>> HAEMOPHILIA_A = Map.of(
            BleedSite.JOINT, List.of(new Phase(40, 60, 1, 2)),
            BleedSite.SUPERFICIAL_MUSCLE, List.of(new Phase(40, 60, 1, 3)),
            BleedSite.ILIOPSOAS, List.of(new Phase(80, 100, 1, 2), new Phase(30, 60, 3, 7)),
            BleedSite.INTRACRANIAL, List.of(new Phase(80, 100, 1, 7), new Phase(50, 50, 8, 21)),
            BleedSite.THROAT_NECK, List.of(new Phase(80, 100, 1, 7), new Phase(50, 50, 8, 14)),
            BleedSite.GASTROINTESTINAL, List.of(new Phase(80, 100, 1, 14), new Phase(50, 50, 15, null)),
            BleedSite.RENAL, List.of(new Phase(50, 50, 1, 5)),
            BleedSite.DEEP_LACERATION, List.of(new Phase(50, 50, 1, 7)),
            BleedSite.MAJOR_SURGERY,
                    List.of(
                            new Phase(80, 100, 0, 0),
                            new Phase(60, 80, 1, 3),
                            new Phase(40, 60, 4, 6),
                            new Phase(30, 50, 7, 14)),
            BleedSite.MINOR_SURGERY, List.of(new Phase(50, 80, 0, 0), new Phase(30, 80, 1, 5)));

    private static final Map<BleedSite, List<Phase>> HAEMOPHILIA_B = Map.of(
            BleedSite.JOINT, List.of(new Phase(40, 60, 1, 2)),
            BleedSite.SUPERFICIAL_MUSCLE, List.of(new Phase(40, 60, 1, 3)),
            BleedSite.ILIOPSOAS, List.of(new Phase(60, 80, 1, 2), new Phase(30, 60, 3, 7)),
            BleedSite.INTRACRANIAL, List.of(new Phase(60, 80, 1, 7), new Phase(30, 30, 8, 21)),
            BleedSite.THROAT_NECK, List.of(new Phase(60, 80, 1, 7), new Phase(30, 30, 8, 14)),
            BleedSite.GASTROINTESTINAL, List.of(new Phase(60, 80, 1, 14), new Phase(30, 30, 15, null)),
            BleedSite.RENAL, List.of(new Phase(40, 40, 1, 5)),
            BleedSite.DEEP_LACERATION, List.of(new Phase(40, 40, 1, 7)),
            BleedSite.MAJOR_SURGERY,
                    List.of(
                            new Phase(60, 80, 0, 0),
                            new Phase(40, 60, 1, 3),
                            new Phase(30, 50, 4, 6),
                            new Phase(20, 40, 7, 14)),
            BleedSite.MINOR_SURGERY, List.of(new Phase(50, 80, 0, 0), new Phase(30, 80, 1, 5)));

    private WfhTargets() {}

    /** The phases for {@code site} for a deficiency of {@code factor} ({@code FVIII} or {@code FIX}). */
    public static List<Phase> phases(String factor, BleedSite site) {
        return ("FIX".equals(factor) ? HAEMOPHILIA_B : HAEMOPHILIA_A).get(site);
    }
}
