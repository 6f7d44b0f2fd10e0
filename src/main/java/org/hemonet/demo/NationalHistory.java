package org.hemonet.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.hemonet.demo.NationalNetwork.BatchRow;
import org.hemonet.demo.NationalNetwork.CentreRow;
import org.hemonet.diary.BleedSite;
import org.hemonet.diary.SiteKind;
import org.hemonet.patient.BethesdaTitre;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.Sex;
import org.jspecify.annotations.Nullable;

/**
 * One generated patient of the national network (issue 14, docs/benchmarks.md "The synthetic national network"): a
 * pure function of the network's seed and the patient's index, written as rows to a {@link RowSink}. The mix follows
 * the issue: haemophilia A:B ≈ 5:1, ≈ 35 % of haemophilia severe, ≈ 6 % of severe A with a current inhibitor, women
 * carriers, von Willebrand disease and rare deficiencies. Over the years of the network: weights growing with age,
 * yearly Bethesda screens for severe A, one treatment plan, 4-weekly home deliveries from dated batches, a prophylaxis
 * diary on the plan's schedule (most severe patients 2–3 factor infusions a week, some on emicizumab), on-demand
 * treatment for the mild, bleeds with a joint predilection (each patient's favourite joints become target joints when
 * bleeds are frequent) and routine HJHS scores for severe and moderate haemophilia.
 */
final class NationalHistory {

    static final String RECORDED_BY = "generate";
    static final ZoneId ZONE = ZoneId.of("Europe/London");
    static final int MAX_PATIENTS = 90_000;

    enum Band {
        SEVERE,
        MODERATE,
        MILD,
        OTHER
    }

    enum Treatment {
        FACTOR_PROPHYLAXIS,
        EMICIZUMAB,
        ON_DEMAND,
        NONE
    }

    /** What was generated for one patient, for the logins and the progress line. */
    record Summary(
            UUID id,
            UUID centreId,
            String centreCode,
            String name,
            DiagnosisType diagnosis,
            Band band,
            boolean inhibitor,
            Treatment treatment,
            int bleeds,
            int infusions,
            int rows) {}

    private record Plan(
            Treatment treatment,
            UUID productId,
            boolean mg,
            BigDecimal perKg,
            @Nullable String scheduleKind,
            int interval,
            Set<DayOfWeek> weekdays,
            @Nullable UUID bleedProductId,
            BigDecimal bleedPerKg) {

        double dosesPerWeek() {
            if (scheduleKind == null) {
                return 0;
            }
            return switch (scheduleKind) {
                case "WEEKDAYS" -> weekdays.size();
                case "EVERY_N_DAYS" -> 7.0 / interval;
                default -> 1.0 / interval;
            };
        }
    }

    private record HomeBatch(LocalDate from, String number) {}

    private record BleedRow(UUID id, Instant at, BleedSite site, boolean treated) {}

    private static final BleedSite[] JOINTS = {
        BleedSite.LEFT_KNEE, BleedSite.RIGHT_KNEE, BleedSite.LEFT_ANKLE, BleedSite.RIGHT_ANKLE,
        BleedSite.LEFT_ELBOW, BleedSite.RIGHT_ELBOW, BleedSite.LEFT_HIP, BleedSite.RIGHT_HIP,
        BleedSite.LEFT_SHOULDER, BleedSite.RIGHT_SHOULDER, BleedSite.LEFT_WRIST, BleedSite.RIGHT_WRIST
    };
    /** Knees, ankles and elbows take most joint bleeds (the joint predilection of haemophilia). */
    private static final int[] JOINT_WEIGHTS = {15, 15, 15, 15, 12, 12, 3, 3, 3, 3, 2, 2};

    private static final BleedSite[] MUSCLES = {
        BleedSite.LEFT_ILIOPSOAS, BleedSite.RIGHT_ILIOPSOAS, BleedSite.LEFT_THIGH, BleedSite.RIGHT_THIGH,
        BleedSite.LEFT_CALF, BleedSite.RIGHT_CALF, BleedSite.LEFT_FOREARM, BleedSite.RIGHT_FOREARM
    };
    private static final BleedSite[] OTHER_SITES = {
        BleedSite.SOFT_TISSUE, BleedSite.MOUTH, BleedSite.NOSE, BleedSite.SOFT_TISSUE, BleedSite.URINARY
    };
    private static final String[] HJHS_JOINTS = {
        "LEFT_ELBOW", "RIGHT_ELBOW", "LEFT_KNEE", "RIGHT_KNEE", "LEFT_ANKLE", "RIGHT_ANKLE"
    };
    private static final String[] HJHS_ITEMS = {
        "SWELLING",
        "DURATION_OF_SWELLING",
        "MUSCLE_ATROPHY",
        "CREPITUS",
        "FLEXION_LOSS",
        "EXTENSION_LOSS",
        "JOINT_PAIN",
        "STRENGTH"
    };
    private static final int[] HJHS_MAX = {3, 1, 2, 2, 3, 3, 2, 4};
    private static final String[] NOTES = {
        "Fell off my bike", "Woke up with it", "After football", "Knocked it on the door", "Twisted it on the stairs"
    };
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final NationalNetwork network;
    private final int index;
    private final Instant now;
    private final LocalDate today;
    private final SplittableRandom random;
    private final RowSink sink;
    private int rows;

    private NationalHistory(NationalNetwork network, int index, Instant now, RowSink sink) {
        this.network = network;
        this.index = index;
        this.now = now;
        this.today = network.today();
        this.random = network.patientRandom(index);
        this.sink = sink;
    }

    /** Writes patient {@code index} of the network, everything dated up to {@code now}. */
    static Summary write(NationalNetwork network, int index, Instant now, RowSink sink) {
        return new NationalHistory(network, index, now, sink).write();
    }

    private void row(BulkTable table, Object... values) {
        rows++;
        sink.row(table, values);
    }

    private UUID id() {
        return NationalNetwork.id(random);
    }

    private Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(ZONE).toInstant();
    }

    private Summary write() {
        CentreRow centre = network.centreOf(random);
        UUID centreId = centre.centre().id();
        // --- who: the diagnosis mix of a national registry
        int kind = random.nextInt(1000);
        Sex sex = Sex.MALE;
        DiagnosisType diagnosis;
        String subtype = null;
        boolean phenotype = false;
        BigDecimal level;
        Band band;
        boolean carrier = false;
        if (kind < 720) {
            diagnosis = kind < 600 ? DiagnosisType.HEMOPHILIA_A : DiagnosisType.HEMOPHILIA_B;
            int b = random.nextInt(100);
            band = b < 36 ? Band.SEVERE : b < 52 ? Band.MODERATE : Band.MILD;
            level = switch (band) {
                case SEVERE -> BigDecimal.valueOf(1 + random.nextInt(9), 1);
                case MODERATE -> BigDecimal.valueOf(1 + random.nextInt(5));
                default -> BigDecimal.valueOf(6 + random.nextInt(34));
            };
        } else if (kind < 800) {
            sex = Sex.FEMALE;
            carrier = true;
            diagnosis = random.nextInt(5) == 0 ? DiagnosisType.HEMOPHILIA_B : DiagnosisType.HEMOPHILIA_A;
            level = random.nextInt(3) == 0
                    ? BigDecimal.valueOf(15 + random.nextInt(24))
                    : BigDecimal.valueOf(40 + random.nextInt(45));
            phenotype = level.intValue() < 40 || random.nextInt(4) == 0;
            band = Band.OTHER;
        } else if (kind < 960) {
            diagnosis = DiagnosisType.VON_WILLEBRAND_DISEASE;
            String[] types = {"1", "1", "1", "1", "2A", "2B", "2M", "2N", "3"};
            subtype = types[random.nextInt(types.length)];
            level = BigDecimal.valueOf(subtype.equals("3") ? 1 : 5 + random.nextInt(35));
            sex = random.nextInt(5) < 3 ? Sex.FEMALE : Sex.MALE;
            band = Band.OTHER;
        } else {
            diagnosis = random.nextBoolean() ? DiagnosisType.FACTOR_VII_DEFICIENCY : DiagnosisType.FACTOR_XI_DEFICIENCY;
            level = BigDecimal.valueOf(2 + random.nextInt(30));
            sex = random.nextBoolean() ? Sex.FEMALE : Sex.MALE;
            band = Band.OTHER;
        }
        boolean inhibitor = diagnosis == DiagnosisType.HEMOPHILIA_A && band == Band.SEVERE && random.nextInt(100) < 6;
        int ageDays = 365 + random.nextInt(80 * 365);
        LocalDate born = today.minusDays(ageDays);
        LocalDate start = later(today.minusYears(network.years()), born.plusMonths(6));
        double build = random.nextGaussian() * 0.12;
        String given = NationalNetwork.pick(random, sex == Sex.MALE ? NationalNetwork.MALE : NationalNetwork.FEMALE);
        String family = NationalNetwork.pick(random, NationalNetwork.FAMILY);
        UUID patientId = id();
        Instant registered = at(start, LocalTime.of(9, 0));
        boolean adult = born.plusYears(18).isBefore(today);

        // --- the registry
        boolean oldEnoughForPlasma = born.isBefore(LocalDate.of(1986, 1, 1));
        row(
                BulkTable.PATIENT,
                patientId,
                centreId,
                given,
                family,
                born,
                sex.name(),
                "NHS",
                nhsNumber(),
                centre.region().id(),
                ZONE.getId(),
                registered,
                registered,
                "NEGATIVE",
                random.nextInt(4) == 0 ? "IMMUNISED" : "NEGATIVE",
                oldEnoughForPlasma && band == Band.SEVERE && random.nextInt(3) == 0 ? "CLEARED" : "NEGATIVE",
                adult,
                adult && band == Band.SEVERE,
                adult,
                adult);
        row(BulkTable.DIAGNOSIS, id(), patientId, diagnosis.name(), subtype, phenotype, registered);
        LocalDate measured = earlier(born.plusMonths(6), start);
        row(BulkTable.FACTOR_LEVEL, id(), patientId, diagnosis.factor(), level, measured, registered);
        row(
                BulkTable.RECORD_NUMBER,
                patientId,
                centreId,
                centre.code() + "-" + String.format("%06d", index),
                registered,
                RECORDED_BY);
        for (LocalDate on = start; on.isBefore(today); on = on.plusMonths(adultOn(born, on) ? 12 : 6)) {
            row(
                    BulkTable.WEIGHT,
                    id(),
                    patientId,
                    on,
                    BigDecimal.valueOf(weight(born, sex, build, on)).setScale(1, RoundingMode.HALF_UP),
                    BigDecimal.valueOf(height(born, sex, build, on)).setScale(1, RoundingMode.HALF_UP),
                    at(on, LocalTime.of(10, 30)));
        }
        if (diagnosis == DiagnosisType.HEMOPHILIA_A && band == Band.SEVERE) {
            for (LocalDate on = start.plusDays(30 + random.nextInt(60)); on.isBefore(today); on = on.plusYears(1)) {
                BigDecimal residual =
                        inhibitor ? BigDecimal.valueOf(260 + random.nextInt(190), 1) : new BigDecimal("75.0");
                BigDecimal dilution = inhibitor ? BigDecimal.valueOf(2L << random.nextInt(4)) : BigDecimal.ONE;
                row(
                        BulkTable.INHIBITOR_TEST,
                        id(),
                        patientId,
                        on,
                        residual,
                        dilution,
                        BethesdaTitre.compute(residual, dilution),
                        at(on.plusDays(3), LocalTime.of(15, 0)),
                        RECORDED_BY);
            }
        }

        // --- the treatment plan, deliveries and the diary
        Plan plan = plan(diagnosis, band, inhibitor, carrier, phenotype, subtype);
        List<HomeBatch> home = new ArrayList<>();
        UUID prescriber = DemoPlans.prescriberId(centreId);
        if (plan != null) {
            double kg = weight(born, sex, build, today);
            row(
                    BulkTable.TREATMENT_PLAN,
                    id(),
                    patientId,
                    centreId,
                    plan.treatment() == Treatment.ON_DEMAND ? "ON_DEMAND" : "PROPHYLAXIS",
                    plan.productId(),
                    plan.bleedProductId(),
                    plan.mg() ? "MG" : "IU",
                    dose(plan.perKg(), kg, plan.mg()),
                    plan.perKg(),
                    BigDecimal.valueOf(kg).setScale(1, RoundingMode.HALF_UP),
                    plan.scheduleKind(),
                    plan.scheduleKind() == null ? null : plan.interval(),
                    plan.weekdays().isEmpty()
                            ? null
                            : plan.weekdays().stream()
                                    .sorted()
                                    .map(DayOfWeek::name)
                                    .toList(),
                    plan.scheduleKind() == null ? "08:00" : "07:30",
                    ZONE.getId(),
                    start,
                    prescriber,
                    centre.haematologist(),
                    registered);
            if (plan.scheduleKind() != null) {
                deliveries(patientId, centreId, prescriber, plan, born, sex, build, start, home);
            }
        }
        List<BleedRow> bleeds = bleeds(patientId, diagnosis, band, carrier, plan, born, start);
        int infusions = 0;
        if (plan != null) {
            infusions = infusions(patientId, plan, born, sex, build, start, home, bleeds);
        }
        if (diagnosis.isHemophilia() && !carrier && band != Band.MILD) {
            jointScores(patientId, centre, band, plan, born, start, bleeds);
        }
        row(
                BulkTable.AUDIT_EVENT,
                null,
                RECORDED_BY,
                "SYSTEM",
                List.of(centreId),
                patientId,
                "CREATE",
                "GeneratedHistory",
                null,
                "SUCCESS",
                "command-line",
                "generate-" + network.seed());
        return new Summary(
                patientId,
                centreId,
                centre.code(),
                given + " " + family,
                diagnosis,
                band,
                inhibitor,
                plan == null ? Treatment.NONE : plan.treatment(),
                bleeds.size(),
                infusions,
                rows);
    }

    /** A unique NHS number in the 999 test range: the index picks the digits, so no two patients share one. */
    private String nhsNumber() {
        long offset = Math.floorMod(network.seed() * 7919, 1_000_000);
        for (int attempt = 0; ; attempt++) {
            long n = (index * 11L + attempt + offset) % 1_000_000;
            String first = "999" + String.format("%06d", n);
            int check = NhsNumbers.checkDigit(first);
            if (check != 10) {
                return first + check;
            }
        }
    }

    private @Nullable Plan plan(
            DiagnosisType diagnosis,
            Band band,
            boolean inhibitor,
            boolean carrier,
            boolean phenotype,
            @Nullable String subtype) {
        int r = random.nextInt(100);
        Set<DayOfWeek> mwf = Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        Set<DayOfWeek> monThu = Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
        if (carrier) {
            UUID product = diagnosis == DiagnosisType.HEMOPHILIA_A ? DemoCatalogue.OCTAVIA : DemoCatalogue.NONARA;
            return phenotype ? onDemand(product, "25") : null;
        }
        switch (diagnosis) {
            case HEMOPHILIA_A -> {
                if (band == Band.SEVERE) {
                    if (inhibitor) {
                        return emicizumab(DemoCatalogue.BYPARA, "50");
                    }
                    if (r < 45) {
                        return factor(
                                DemoCatalogue.OCTAVIA, String.valueOf(25 + 5 * random.nextInt(3)), "WEEKDAYS", 1, mwf);
                    }
                    if (r < 72) {
                        return factor(DemoCatalogue.ELORA, "50", "EVERY_N_DAYS", 3, Set.of());
                    }
                    if (r < 92) {
                        return emicizumab(DemoCatalogue.OCTAVIA, "25");
                    }
                    return onDemand(DemoCatalogue.OCTAVIA, "30");
                }
                if (band == Band.MODERATE && r < 50) {
                    return factor(DemoCatalogue.OCTAVIA, "25", "WEEKDAYS", 1, monThu);
                }
                return onDemand(DemoCatalogue.OCTAVIA, "25");
            }
            case HEMOPHILIA_B -> {
                if (band == Band.SEVERE && r < 85 || band == Band.MODERATE && r < 50) {
                    return r % 5 < 3 && band == Band.SEVERE
                            ? factor(DemoCatalogue.NONARA, "40", "WEEKDAYS", 1, monThu)
                            : factor(DemoCatalogue.EFTRIX, "50", "EVERY_N_WEEKS", 1, Set.of());
                }
                return onDemand(DemoCatalogue.NONARA, "40");
            }
            case VON_WILLEBRAND_DISEASE -> {
                UUID willara = DemoCatalogue.id("Willara");
                return "3".equals(subtype) ? factor(willara, "40", "WEEKDAYS", 1, monThu) : onDemand(willara, "40");
            }
            default -> {
                return null;
            }
        }
    }

    private Plan factor(UUID product, String perKg, String kind, int interval, Set<DayOfWeek> days) {
        return new Plan(
                Treatment.FACTOR_PROPHYLAXIS,
                product,
                false,
                new BigDecimal(perKg),
                kind,
                interval,
                days,
                product,
                new BigDecimal(perKg));
    }

    private Plan emicizumab(UUID bleedProduct, String bleedPerKg) {
        int r = random.nextInt(100);
        String perKg = r < 60 ? "1.5" : r < 85 ? "3" : "6";
        int weeks = r < 60 ? 1 : r < 85 ? 2 : 4;
        return new Plan(
                Treatment.EMICIZUMAB,
                DemoCatalogue.EMIVIA_150,
                true,
                new BigDecimal(perKg),
                "EVERY_N_WEEKS",
                weeks,
                Set.of(),
                bleedProduct,
                new BigDecimal(bleedPerKg));
    }

    private Plan onDemand(UUID product, String perKg) {
        return new Plan(
                Treatment.ON_DEMAND,
                product,
                false,
                new BigDecimal(perKg),
                null,
                0,
                Set.of(),
                product,
                new BigDecimal(perKg));
    }

    /** IU in whole 250-unit steps (at least 250); mg to one decimal. */
    static BigDecimal dose(BigDecimal perKg, double kg, boolean mg) {
        BigDecimal exact = perKg.multiply(BigDecimal.valueOf(kg));
        if (mg) {
            return exact.setScale(1, RoundingMode.HALF_UP);
        }
        BigDecimal steps = exact.divide(BigDecimal.valueOf(250), 0, RoundingMode.CEILING);
        return steps.max(BigDecimal.ONE).multiply(BigDecimal.valueOf(250)).setScale(0, RoundingMode.UNNECESSARY);
    }

    /** Growth to 18, then a steady adult weight (with the patient's build). */
    static double weight(LocalDate born, Sex sex, double build, LocalDate on) {
        double years = (on.toEpochDay() - born.toEpochDay()) / 365.25;
        double child = 3.5 + 3.2 * Math.min(years, 18) + (years > 10 ? 2.2 * (Math.min(years, 18) - 10) : 0);
        double adult = sex == Sex.MALE ? 80 : 67;
        double kg = years < 18 ? Math.min(child, adult) : adult + (years - 18) * 0.15;
        return Math.max(4, kg * (1 + build));
    }

    static double height(LocalDate born, Sex sex, double build, LocalDate on) {
        double years = (on.toEpochDay() - born.toEpochDay()) / 365.25;
        double adult = sex == Sex.MALE ? 176 : 163;
        double cm = years < 1 ? 50 + 25 * years : Math.min(adult, 75 + 6.3 * (years - 1));
        return cm * (1 + build / 6);
    }

    private static boolean adultOn(LocalDate born, LocalDate on) {
        return !born.plusYears(18).isAfter(on);
    }

    private boolean scheduled(Plan plan, LocalDate anchor, LocalDate day) {
        long days = ChronoUnit.DAYS.between(anchor, day);
        return switch (plan.scheduleKind()) {
            case "WEEKDAYS" -> plan.weekdays().contains(day.getDayOfWeek());
            case "EVERY_N_DAYS" -> days % plan.interval() == 0;
            default -> days % (7L * plan.interval()) == 0;
        };
    }

    /** Four-weekly home deliveries from the batch in stock at the time; the used ones counted out of stock. */
    private void deliveries(
            UUID patientId,
            UUID centreId,
            UUID prescriber,
            Plan plan,
            LocalDate born,
            Sex sex,
            double build,
            LocalDate start,
            List<HomeBatch> home) {
        List<BatchRow> batches = network.batchesOf(plan.productId());
        LocalDate day = start.plusDays(random.nextInt(10));
        BatchRow previous = null;
        int previousVials = 0;
        LocalDate previousDay = null;
        while (true) {
            boolean past = day.isBefore(today);
            BatchRow batch = batchAt(batches, day);
            if (batch == null) {
                break;
            }
            double use = plan.dosesPerWeek()
                    * 4
                    * dose(plan.perKg(), weight(born, sex, build, day), plan.mg())
                            .doubleValue();
            int vials = (int) Math.max(1, Math.min(1000, Math.ceil(use / batch.unitsPerVial())));
            UUID delivery = id();
            Instant created = at(day.minusDays(7), LocalTime.of(9, 0));
            row(
                    BulkTable.DELIVERY,
                    delivery,
                    patientId,
                    centreId,
                    past ? "DELIVERED" : "SCHEDULED",
                    day,
                    "STANDARD",
                    prescriber,
                    created.isAfter(now) ? now : created,
                    past ? at(day, LocalTime.of(11, 0)) : null,
                    null);
            row(BulkTable.DELIVERY_ITEM, id(), delivery, plan.productId(), batch.number(), vials, batch.unitsPerVial());
            if (!past) {
                break;
            }
            if (previous != null) {
                // the previous delivery was used up by this one: home stock stays a few weeks' worth
                row(
                        BulkTable.STOCK_USE,
                        id(),
                        patientId,
                        plan.productId(),
                        previous.number(),
                        "INFUSED",
                        previousVials,
                        previous.unitsPerVial(),
                        at(day, LocalTime.of(10, 0)),
                        at(day, LocalTime.of(10, 0)));
            }
            home.add(new HomeBatch(day, batch.number()));
            previous = batch;
            previousVials = vials;
            previousDay = day;
            day = day.plusDays(28);
        }
        if (previousDay == null) {
            home.clear();
        }
    }

    /** The latest batch received on or before {@code day} (the list is oldest first). */
    static @Nullable BatchRow batchAt(List<BatchRow> batches, LocalDate day) {
        int low = 0;
        int high = batches.size() - 1;
        BatchRow found = null;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (batches.get(mid).receivedOn().isAfter(day)) {
                high = mid - 1;
            } else {
                found = batches.get(mid);
                low = mid + 1;
            }
        }
        return found;
    }

    private @Nullable String homeBatch(List<HomeBatch> home, UUID productId, Plan plan, LocalDate day) {
        if (productId.equals(plan.productId()) && !home.isEmpty()) {
            int low = 0;
            int high = home.size() - 1;
            String number = null;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                if (home.get(mid).from().isAfter(day)) {
                    high = mid - 1;
                } else {
                    number = home.get(mid).number();
                    low = mid + 1;
                }
            }
            if (number != null) {
                return number;
            }
        }
        BatchRow batch = batchAt(network.batchesOf(productId), day);
        return batch == null ? null : batch.number();
    }

    private double bleedsPerYear(DiagnosisType diagnosis, Band band, boolean carrier, @Nullable Plan plan) {
        Treatment treatment = plan == null ? Treatment.NONE : plan.treatment();
        if (carrier
                || diagnosis == DiagnosisType.FACTOR_VII_DEFICIENCY
                || diagnosis == DiagnosisType.FACTOR_XI_DEFICIENCY) {
            return 0.1 + random.nextDouble() * 0.6;
        }
        if (diagnosis == DiagnosisType.VON_WILLEBRAND_DISEASE) {
            return 0.3 + random.nextDouble() * 1.7;
        }
        return switch (band) {
            case SEVERE ->
                switch (treatment) {
                    case FACTOR_PROPHYLAXIS -> 0.8 + random.nextDouble() * 3;
                    case EMICIZUMAB -> 0.2 + random.nextDouble() * 1.5;
                    default -> 8 + random.nextDouble() * 14;
                };
            case MODERATE ->
                treatment == Treatment.FACTOR_PROPHYLAXIS ? 0.5 + random.nextDouble() * 2 : 2 + random.nextDouble() * 4;
            default -> 0.3 + random.nextDouble() * 1.2;
        };
    }

    private List<BleedRow> bleeds(
            UUID patientId,
            DiagnosisType diagnosis,
            Band band,
            boolean carrier,
            @Nullable Plan plan,
            LocalDate born,
            LocalDate start) {
        double rate = bleedsPerYear(diagnosis, band, carrier, plan);
        long days = ChronoUnit.DAYS.between(start, today);
        int count = poisson(rate * days / 365.25);
        BleedSite favourite = weightedJoint();
        BleedSite second = weightedJoint();
        boolean hemophilia = diagnosis.isHemophilia() && !carrier;
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate day = start.plusDays(random.nextLong(Math.max(1, days)));
            Instant t = at(day, LocalTime.of(6 + random.nextInt(16), random.nextInt(60)));
            if (t.isBefore(now)) {
                times.add(t);
            }
        }
        times.sort(Comparator.naturalOrder());
        List<BleedRow> result = new ArrayList<>();
        for (Instant t : times) {
            BleedSite site;
            int where = random.nextInt(100);
            if (hemophilia ? where < 70 : where < 20) {
                int j = random.nextInt(100);
                site = j < 55 ? favourite : j < 70 ? second : weightedJoint();
            } else if (hemophilia ? where < 88 : where < 35) {
                site = MUSCLES[random.nextInt(MUSCLES.length)];
            } else {
                site = OTHER_SITES[random.nextInt(OTHER_SITES.length)];
            }
            boolean traumatic = band == Band.MILD || !hemophilia ? random.nextInt(100) < 75 : random.nextInt(100) < 35;
            String cause = random.nextInt(100) < 4 ? "UNKNOWN" : traumatic ? "TRAUMATIC" : "SPONTANEOUS";
            int pain = 1 + random.nextInt(8);
            LocalDate day = t.atZone(ZONE).toLocalDate();
            long age = ChronoUnit.YEARS.between(born, day);
            boolean school = age >= 5 && age < 18;
            boolean work = age >= 18 && age <= 66;
            UUID id = id();
            Instant recorded = t.plus(Duration.ofMinutes(30 + random.nextInt(48 * 60)));
            row(
                    BulkTable.BLEED,
                    id,
                    patientId,
                    t,
                    site.name(),
                    cause,
                    pain,
                    site.kind() == SiteKind.JOINT && pain >= 6 && random.nextBoolean(),
                    school && pain >= 4 ? random.nextInt(3) : 0,
                    work && pain >= 4 ? random.nextInt(3) : 0,
                    random.nextInt(20) == 0 ? NationalNetwork.pick(random, NOTES) : null,
                    recorded.isAfter(now) ? now : recorded,
                    RECORDED_BY);
            boolean treated = site.kind() != SiteKind.OTHER || random.nextInt(10) < 4;
            result.add(new BleedRow(id, t, site, treated));
        }
        return result;
    }

    private int infusions(
            UUID patientId,
            Plan plan,
            LocalDate born,
            Sex sex,
            double build,
            LocalDate start,
            List<HomeBatch> home,
            List<BleedRow> bleeds) {
        int count = 0;
        String unit = plan.mg() ? "MG" : "IU";
        if (plan.scheduleKind() != null) {
            double adherence = random.nextInt(20) == 0
                    ? 0.6 + random.nextDouble() * 0.1
                    : plan.treatment() == Treatment.EMICIZUMAB
                            ? 0.92 + random.nextDouble() * 0.07
                            : 0.85 + random.nextDouble() * 0.13;
            BigDecimal dose = null;
            LocalDate doseFor = null;
            for (LocalDate day = start; day.isBefore(today); day = day.plusDays(1)) {
                if (!scheduled(plan, start, day) || random.nextDouble() >= adherence) {
                    continue;
                }
                if (doseFor == null || ChronoUnit.DAYS.between(doseFor, day) > 90) {
                    // the dose follows the weight, re-prescribed at the quarterly clinic
                    dose = dose(plan.perKg(), weight(born, sex, build, day), plan.mg());
                    doseFor = day;
                }
                LocalTime time = random.nextInt(12) == 0
                        ? LocalTime.of(18 + random.nextInt(2), random.nextInt(60))
                        : LocalTime.of(6, 50).plusMinutes(random.nextInt(160));
                Instant t = at(day, time);
                if (!t.isBefore(now)) {
                    continue;
                }
                infusion(
                        patientId,
                        t,
                        plan.productId(),
                        homeBatch(home, plan.productId(), plan, day),
                        dose,
                        unit,
                        "PROPHYLAXIS",
                        null);
                count++;
            }
        } else {
            // on demand: a dose before activity on the diary's first day, then once or twice a year
            LocalDate first = start;
            long years = Math.max(1, ChronoUnit.YEARS.between(start, today));
            for (int i = 0; i <= years + random.nextInt((int) years + 1); i++) {
                LocalDate day = i == 0 ? first : start.plusDays(random.nextLong(ChronoUnit.DAYS.between(start, today)));
                Instant t = at(day, LocalTime.of(8 + random.nextInt(10), random.nextInt(60)));
                if (t.isBefore(now)) {
                    infusion(
                            patientId,
                            t,
                            plan.productId(),
                            homeBatch(home, plan.productId(), plan, day),
                            dose(plan.perKg(), weight(born, sex, build, day), false),
                            unit,
                            "BEFORE_ACTIVITY",
                            null);
                    count++;
                }
            }
        }
        UUID bleedProduct = plan.bleedProductId();
        if (bleedProduct != null) {
            for (BleedRow bleed : bleeds) {
                if (!bleed.treated()) {
                    continue;
                }
                int doses = bleed.site().kind() == SiteKind.OTHER ? 1 : 1 + random.nextInt(3);
                Instant t = bleed.at().plus(Duration.ofMinutes(20 + random.nextInt(160)));
                for (int d = 0; d < doses && t.isBefore(now); d++) {
                    LocalDate day = t.atZone(ZONE).toLocalDate();
                    infusion(
                            patientId,
                            t,
                            bleedProduct,
                            homeBatch(home, bleedProduct, plan, day),
                            dose(plan.bleedPerKg(), weight(born, sex, build, day), false),
                            "IU",
                            "BLEED",
                            bleed.id());
                    count++;
                    t = t.plus(Duration.ofMinutes(20 * 60 + random.nextInt(8 * 60)));
                }
            }
        }
        return count;
    }

    private void infusion(
            UUID patientId,
            Instant t,
            UUID productId,
            @Nullable String batch,
            BigDecimal dose,
            String unit,
            String reason,
            @Nullable UUID bleedId) {
        Instant recorded = t.plus(Duration.ofMinutes(2 + random.nextInt(240)));
        row(
                BulkTable.INFUSION,
                id(),
                patientId,
                t,
                productId,
                batch,
                dose,
                unit,
                reason,
                bleedId,
                recorded.isAfter(now) ? now : recorded,
                RECORDED_BY);
    }

    /** Routine HJHS: yearly for severe, every two years for moderate; joints wear with age and with their bleeds. */
    private void jointScores(
            UUID patientId,
            CentreRow centre,
            Band band,
            @Nullable Plan plan,
            LocalDate born,
            LocalDate start,
            List<BleedRow> bleeds) {
        String physio = "physio." + centre.code().toLowerCase(java.util.Locale.ROOT);
        double severity = band == Band.SEVERE ? 0.5 : 0.25;
        double regimen = plan == null || plan.treatment() == Treatment.ON_DEMAND ? 1.6 : 0.7;
        int everyYears = band == Band.SEVERE ? 1 : 2;
        for (LocalDate on = start.plusDays(30 + random.nextInt(300));
                on.isBefore(today);
                on = on.plusYears(everyYears)) {
            double age = ChronoUnit.DAYS.between(born, on) / 365.25;
            if (age < 4) {
                continue;
            }
            Map<BleedSite, Integer> counts = new EnumMap<>(BleedSite.class);
            Instant until = at(on, LocalTime.NOON);
            for (BleedRow bleed : bleeds) {
                if (bleed.at().isBefore(until)) {
                    counts.merge(bleed.site(), 1, Integer::sum);
                }
            }
            UUID score = id();
            Instant recorded = at(on, LocalTime.of(14, 0));
            row(BulkTable.JOINT_SCORE, score, patientId, on, physio, "PHYSIO", "ROUTINE", recorded, physio);
            double total = 0;
            for (String joint : HJHS_JOINTS) {
                double damage = Math.min(
                        1, severity * regimen * age / 70 + 0.05 * counts.getOrDefault(BleedSite.valueOf(joint), 0));
                total += damage;
                for (int i = 0; i < HJHS_ITEMS.length; i++) {
                    int value = (int)
                            Math.min(HJHS_MAX[i], Math.floor(HJHS_MAX[i] * damage * (0.4 + random.nextDouble()) + 0.3));
                    row(BulkTable.JOINT_SCORE_ITEM, score, joint, HJHS_ITEMS[i], value, false);
                }
            }
            int gait = (int) Math.min(4, Math.floor(4 * total / HJHS_JOINTS.length + random.nextDouble() * 0.5));
            row(BulkTable.JOINT_SCORE_ITEM, score, "GLOBAL", "GAIT", gait, false);
        }
    }

    private BleedSite weightedJoint() {
        int total = 0;
        for (int w : JOINT_WEIGHTS) {
            total += w;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < JOINTS.length; i++) {
            draw -= JOINT_WEIGHTS[i];
            if (draw < 0) {
                return JOINTS[i];
            }
        }
        return JOINTS[0];
    }

    private int poisson(double mean) {
        if (mean > 50) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    static BigDecimal percent(long part, long whole) {
        return whole == 0
                ? BigDecimal.ZERO
                : BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
