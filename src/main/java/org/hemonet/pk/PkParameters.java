package org.hemonet.pk;

import org.jspecify.annotations.Nullable;

/**
 * Individual (or typical) PK parameters of a linear mammillary model, in dL and dL/h.
 *
 * @param clDlPerH clearance from the central compartment
 * @param v1Dl central volume
 * @param qDlPerH inter-compartmental clearance to the first peripheral compartment
 * @param v2Dl first peripheral volume
 * @param q3DlPerH inter-compartmental clearance to the second peripheral compartment (three-compartment models only)
 * @param v3Dl second peripheral volume (three-compartment models only)
 */
public record PkParameters(
        double clDlPerH, double v1Dl, double qDlPerH, double v2Dl, @Nullable Double q3DlPerH, @Nullable Double v3Dl) {

    public PkParameters {
        requirePositive(clDlPerH, "clDlPerH");
        requirePositive(v1Dl, "v1Dl");
        requirePositive(qDlPerH, "qDlPerH");
        requirePositive(v2Dl, "v2Dl");
        if ((q3DlPerH == null) != (v3Dl == null)) {
            throw new IllegalArgumentException("q3DlPerH and v3Dl are given together or not at all");
        }
        if (q3DlPerH != null) {
            requirePositive(q3DlPerH, "q3DlPerH");
            requirePositive(v3Dl, "v3Dl");
        }
    }

    /** Two-compartment parameters. */
    public static PkParameters twoCompartment(double clDlPerH, double v1Dl, double qDlPerH, double v2Dl) {
        return new PkParameters(clDlPerH, v1Dl, qDlPerH, v2Dl, null, null);
    }

    public boolean threeCompartment() {
        return q3DlPerH != null;
    }

    private static void requirePositive(@Nullable Double value, String name) {
        if (value == null || !(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive finite number, was " + value);
        }
    }
}
