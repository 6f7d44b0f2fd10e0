package org.hemonet.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.hemonet.patient.PatientSummary;
import org.hemonet.patient.Severity;
import org.hemonet.supply.Prescription;
import org.hemonet.supply.Regimen;
import org.hemonet.supply.Schedule;
import org.jspecify.annotations.Nullable;

/**
 * Demo treatment plans: severe haemophilia on prophylaxis (standard or extended half-life factor, or emicizumab,
 * which inhibitor patients always get, with a bypassing agent for bleeds), moderate half on prophylaxis, mild on
 * demand. Tom Bradley (patient.tom) is on octocog alfa 30 IU/kg Mon/Wed/Fri. Deterministic for a seed.
 */
final class DemoPlans {

    private static final Set<DayOfWeek> MON_WED_FRI = Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
    private static final Set<DayOfWeek> MON_THU = Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
    private static final LocalTime MORNING = LocalTime.of(7, 30);

    private DemoPlans() {}

    static @Nullable Prescription planFor(PatientSummary patient, Random random, LocalDate today) {
        LocalDate from = today.minusDays(30 + random.nextInt(300));
        boolean severe = patient.severity() == Severity.SEVERE;
        boolean moderate = patient.severity() == Severity.MODERATE;
        boolean inhibitor = patient.inhibitorStatus().isPositive();
        boolean weighed = patient.weightKg() != null;
        switch (patient.diagnosis()) {
            case HEMOPHILIA_A -> {
                if ("Tom".equals(patient.givenName()) && "Bradley".equals(patient.familyName())) {
                    return prophylaxis(DemoCatalogue.OCTAVIA, null, "30", weekdays(MON_WED_FRI), from, weighed);
                }
                if (severe && inhibitor) {
                    return emicizumab(DemoCatalogue.BYPARA, random, from, weighed);
                }
                if (severe) {
                    return switch (random.nextInt(3)) {
                        case 0 ->
                            prophylaxis(
                                    DemoCatalogue.OCTAVIA,
                                    null,
                                    String.valueOf(25 + 5 * random.nextInt(3)),
                                    weekdays(MON_WED_FRI),
                                    from,
                                    weighed);
                        case 1 -> prophylaxis(DemoCatalogue.ELORA, null, "50", everyDays(4), from, weighed);
                        default -> emicizumab(DemoCatalogue.OCTAVIA, random, from, weighed);
                    };
                }
                if (moderate && random.nextBoolean()) {
                    return prophylaxis(DemoCatalogue.OCTAVIA, null, "25", weekdays(MON_THU), from, weighed);
                }
                return onDemand(DemoCatalogue.OCTAVIA, "25", from, weighed);
            }
            case HEMOPHILIA_B -> {
                if (severe || (moderate && random.nextBoolean())) {
                    return random.nextBoolean()
                            ? prophylaxis(DemoCatalogue.EFTRIX, null, "50", everyWeeks(1), from, weighed)
                            : prophylaxis(DemoCatalogue.NONARA, null, "40", weekdays(MON_THU), from, weighed);
                }
                return onDemand(DemoCatalogue.NONARA, "40", from, weighed);
            }
            default -> {
                return null;
            }
        }
    }

    record ScheduleParts(Schedule.Kind kind, int interval, Set<DayOfWeek> weekdays) {}

    private static ScheduleParts weekdays(Set<DayOfWeek> days) {
        return new ScheduleParts(Schedule.Kind.WEEKDAYS, 1, days);
    }

    private static ScheduleParts everyDays(int days) {
        return new ScheduleParts(Schedule.Kind.EVERY_N_DAYS, days, Set.of());
    }

    private static ScheduleParts everyWeeks(int weeks) {
        return new ScheduleParts(Schedule.Kind.EVERY_N_WEEKS, weeks, Set.of());
    }

    private static Prescription emicizumab(UUID bleedProduct, Random random, LocalDate from, boolean weighed) {
        return switch (random.nextInt(3)) {
            case 0 -> prophylaxis(DemoCatalogue.EMIVIA_150, bleedProduct, "1.5", everyWeeks(1), from, weighed);
            case 1 -> prophylaxis(DemoCatalogue.EMIVIA_150, bleedProduct, "3", everyWeeks(2), from, weighed);
            default -> prophylaxis(DemoCatalogue.EMIVIA_150, bleedProduct, "6", everyWeeks(4), from, weighed);
        };
    }

    private static Prescription prophylaxis(
            UUID product,
            @Nullable UUID bleedProduct,
            String perKg,
            ScheduleParts schedule,
            LocalDate from,
            boolean weighed) {
        return new Prescription(
                Regimen.PROPHYLAXIS,
                product,
                bleedProduct,
                null,
                new BigDecimal(perKg),
                weighed ? null : new BigDecimal("70"),
                schedule.kind(),
                schedule.interval(),
                schedule.weekdays(),
                MORNING,
                null, // the patient's own time zone
                from,
                null,
                null,
                // demo patients were established on their regimen before the plan started: no emicizumab loading
                false);
    }

    private static Prescription onDemand(UUID product, String perKg, LocalDate from, boolean weighed) {
        return new Prescription(
                Regimen.ON_DEMAND,
                product,
                null,
                null,
                new BigDecimal(perKg),
                weighed ? null : new BigDecimal("70"),
                null,
                null,
                null,
                null,
                null,
                from,
                null,
                null);
    }

    static UUID prescriberId(UUID centreId) {
        return UUID.nameUUIDFromBytes(("hemonet-demo-prescriber:" + centreId).getBytes(StandardCharsets.UTF_8));
    }
}
