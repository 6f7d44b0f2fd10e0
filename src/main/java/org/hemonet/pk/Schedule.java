package org.hemonet.pk;

import java.util.List;

/**
 * A dosing schedule repeating every {@code periodHours}, with equal doses at {@code doseHours} within the period:
 * {@code every(48)} is one dose every 48 h; {@code weekly("3×/week", 0, 48, 96)} is Monday, Wednesday, Friday.
 */
public record Schedule(String label, double periodHours, List<Double> doseHours) {

    public Schedule {
        doseHours = List.copyOf(doseHours);
    }

    public static Schedule every(double hours) {
        String label = hours % 24 == 0 ? "every " + (long) (hours / 24) + " day(s)" : "every " + hours + " h";
        return new Schedule(label, hours, List.of(0.0));
    }

    public static Schedule weekly(String label, double... doseHours) {
        return new Schedule(
                label, 168, java.util.Arrays.stream(doseHours).boxed().toList());
    }

    /** Every 2 days, 3×/week (Monday, Wednesday, Friday) and every 3 days: the comparison of pk-models.md. */
    public static List<Schedule> usualProphylaxis() {
        return List.of(every(48), weekly("3×/week", 0, 48, 96), every(72));
    }

    public double dosesPerWeek() {
        return doseHours.size() * 168 / periodHours;
    }
}
