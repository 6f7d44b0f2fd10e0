package org.hemonet.pk;

import org.jspecify.annotations.Nullable;

/**
 * Individual (or typical) PK parameters of a linear mammillary model with one, two or three compartments, in dL and
 * dL/h.
 *
 * @param clDlPerH clearance from the central compartment
 * @param v1Dl central volume
 * @param qDlPerH inter-compartmental clearance to the first peripheral compartment (two- and three-compartment models)
 * @param v2Dl first peripheral volume (two- and three-compartment models)
 * @param q3DlPerH inter-compartmental clearance to the second peripheral compartment (three-compartment models only)
 * @param v3Dl second peripheral volume (three-compartment models only)
 */
public record PkParameters(
        double clDlPerH,
        double v1Dl,
        @Nullable Double qDlPerH,
        @Nullable Double v2Dl,
        @Nullable Double q3DlPerH,
        @Nullable Double v3Dl) {

    public PkParameters {
        requirePositive(clDlPerH, "clDlPerH");
        requirePositive(v1Dl, "v1Dl");
        if ((qDlPerH == null) != (v2Dl == null)) {
            throw new IllegalArgumentException("qDlPerH and v2Dl are given together or not at all");
        }
        if (qDlPerH != null) {
            requirePositive(qDlPerH, "qDlPerH");
            requirePositive(v2Dl, "v2Dl");
        }
        if ((q3DlPerH == null) != (v3Dl == null)) {
            throw new IllegalArgumentException("q3DlPerH and v3Dl are given together or not at all");
        }
        if (q3DlPerH != null) {
            if (qDlPerH == null) {
                throw new IllegalArgumentException("a third compartment needs the second (qDlPerH, v2Dl)");
            }
            requirePositive(q3DlPerH, "q3DlPerH");
            requirePositive(v3Dl, "v3Dl");
        }
    }

    /** One-compartment parameters (e.g. {@code fviii-solms-2020}). */
    public static PkParameters oneCompartment(double clDlPerH, double v1Dl) {
        return new PkParameters(clDlPerH, v1Dl, null, null, null, null);
    }

    /** Two-compartment parameters. */
    public static PkParameters twoCompartment(double clDlPerH, double v1Dl, double qDlPerH, double v2Dl) {
        return new PkParameters(clDlPerH, v1Dl, qDlPerH, v2Dl, null, null);
    }

    public boolean threeCompartment() {
        return q3DlPerH != null;
    }

    public boolean oneCompartment() {
        return qDlPerH == null;
    }

    /** The number of compartments: 1, 2 or 3. */
    public int compartments() {
        return oneCompartment() ? 1 : threeCompartment() ? 3 : 2;
    }

    private static void requirePositive(@Nullable Double value, String name) {
        if (value == null || !(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive finite number, was " + value);
        }
    }
}
