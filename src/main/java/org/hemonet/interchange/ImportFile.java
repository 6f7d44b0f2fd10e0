package org.hemonet.interchange;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hemonet.diary.InfusionReason;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.Sex;
import org.hemonet.product.Product;
import org.hemonet.supply.Regimen;
import org.hemonet.supply.Schedule;
import org.jspecify.annotations.Nullable;

/**
 * Reads a registry import file (docs/import.md) into typed rows, collecting every problem a row has on its own: an
 * unknown record type, a missing or malformed value, a product the catalogue does not hold. Problems that need other
 * rows or the stored registry (a patient number no row registers) are {@link RegistryImport}'s.
 */
final class ImportFile {

    static final String RECORD = "record";
    static final String PATIENT_NUMBER = "patient_number";
    static final String FAMILY_NAME = "family_name";
    static final String GIVEN_NAME = "given_name";
    static final String BIRTH_DATE = "birth_date";
    static final String SEX = "sex";
    static final String NHS_NUMBER = "nhs_number";
    static final String DIAGNOSIS = "diagnosis";
    static final String BASELINE_LEVEL = "baseline_level_iu_dl";
    static final String BASELINE_MEASURED_ON = "baseline_measured_on";
    static final String WEIGHT_KG = "weight_kg";
    static final String DATE = "date";
    static final String RESIDUAL = "residual_activity_percent";
    static final String DILUTION = "dilution";
    static final String REGIMEN = "regimen";
    static final String PRODUCT = "product";
    static final String DOSE = "dose";
    static final String DOSE_PER_KG = "dose_per_kg";
    static final String SCHEDULE = "schedule";
    static final String SCHEDULE_INTERVAL = "schedule_interval";
    static final String WEEKDAYS = "weekdays";
    static final String DOSE_TIME = "dose_time";
    static final String ADMINISTERED_AT = "administered_at";
    static final String BATCH_NUMBER = "batch_number";
    static final String REASON = "reason";

    /** Every column the format knows, in the documented order. */
    static final List<String> COLUMNS = List.of(
            RECORD,
            PATIENT_NUMBER,
            FAMILY_NAME,
            GIVEN_NAME,
            BIRTH_DATE,
            SEX,
            NHS_NUMBER,
            DIAGNOSIS,
            BASELINE_LEVEL,
            BASELINE_MEASURED_ON,
            WEIGHT_KG,
            DATE,
            RESIDUAL,
            DILUTION,
            REGIMEN,
            PRODUCT,
            DOSE,
            DOSE_PER_KG,
            SCHEDULE,
            SCHEDULE_INTERVAL,
            WEEKDAYS,
            DOSE_TIME,
            ADMINISTERED_AT,
            BATCH_NUMBER,
            REASON);

    static final int MAX_PATIENT_NUMBER = 40;

    /** The kinds of row. */
    enum Kind {
        PATIENT,
        INHIBITOR_TEST,
        PLAN,
        INFUSION
    }

    sealed interface Row permits PatientRow, InhibitorRow, PlanRow, InfusionRow {
        int line();

        String number();
    }

    record PatientRow(
            int line,
            String number,
            String familyName,
            String givenName,
            LocalDate birthDate,
            Sex sex,
            @Nullable String nhsNumber,
            DiagnosisType diagnosis,
            @Nullable BigDecimal baselineLevel,
            @Nullable LocalDate baselineMeasuredOn,
            @Nullable BigDecimal weightKg)
            implements Row {}

    record InhibitorRow(int line, String number, LocalDate sampledOn, BigDecimal residualPercent, BigDecimal dilution)
            implements Row {}

    record PlanRow(
            int line,
            String number,
            Regimen regimen,
            Product product,
            @Nullable BigDecimal dose,
            @Nullable BigDecimal dosePerKg,
            Schedule.@Nullable Kind schedule,
            @Nullable Integer scheduleInterval,
            Set<DayOfWeek> weekdays,
            @Nullable LocalTime doseTime,
            LocalDate validFrom)
            implements Row {}

    /**
     * An infusion; {@code offsetTime} when the file gave an offset or {@code Z}, else {@code localTime} in the
     * patient's zone.
     */
    record InfusionRow(
            int line,
            String number,
            @Nullable OffsetDateTime offsetTime,
            @Nullable LocalDateTime localTime,
            Product product,
            @Nullable String batchNumber,
            BigDecimal dose,
            InfusionReason reason)
            implements Row {}

    /**
     * @param badPatients patient numbers whose {@code PATIENT} row has errors: their other rows are not reported again
     *     as naming an unknown patient
     */
    record Contents(int rowCount, List<Row> rows, List<ImportError> errors, Set<String> badPatients) {}

    private final Function<String, @Nullable Product> products;
    private final List<ImportError> errors = new ArrayList<>();
    private final Set<String> badPatients = new java.util.HashSet<>();

    /** @param products finds a product by its id or brand name (any case), {@code null} when unknown */
    ImportFile(Function<String, @Nullable Product> products) {
        this.products = products;
    }

    Contents read(Reader reader, ImportProgress progress) {
        List<Row> rows = new ArrayList<>();
        int count = 0;
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .setAllowMissingColumnNames(true)
                .setIgnoreHeaderCase(true)
                .get();
        try (CSVParser parser =
                CSVParser.builder().setReader(reader).setFormat(format).get()) {
            if (!checkHeader(parser.getHeaderNames())) {
                return new Contents(0, List.of(), List.copyOf(errors), Set.of());
            }
            for (CSVRecord record : parser) {
                count++;
                // the header is line 1; a record's line is where it starts, counting quoted line breaks before it
                int line = (int) parser.getCurrentLineNumber();
                Row row = row(record, line);
                if (row != null) {
                    rows.add(row);
                }
                if (count % 1000 == 0) {
                    progress.at(ImportPhase.READING, count, 0);
                }
            }
        } catch (CSVException e) {
            // a malformed file (an unterminated quote) already in its header line, where the parser is built: found
            // by fuzzing (issue 14), it was answered 500 as an I/O error
            errors.add(new ImportError(count + 2, RECORD, "The file is not readable CSV here: " + e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            // a malformed file (an unterminated quote, a duplicate header): what commons-csv says, at the row it
            // reached
            errors.add(new ImportError(count + 2, RECORD, "The file is not readable CSV here: " + e.getMessage()));
        }
        progress.at(ImportPhase.READING, count, count);
        return new Contents(count, rows, List.copyOf(errors), Set.copyOf(badPatients));
    }

    private boolean checkHeader(List<String> header) {
        Set<String> seen = new LinkedHashSet<>();
        for (String name : header) {
            String column = name.strip().toLowerCase(Locale.ROOT);
            if (column.isEmpty()) {
                continue;
            }
            if (!COLUMNS.contains(column)) {
                errors.add(new ImportError(1, name, "Unknown column: the columns are listed in docs/import.md."));
            }
            seen.add(column);
        }
        for (String required : List.of(RECORD, PATIENT_NUMBER)) {
            if (!seen.contains(required)) {
                errors.add(new ImportError(1, required, "The header has no column " + required + "."));
            }
        }
        return errors.isEmpty();
    }

    private @Nullable Row row(CSVRecord record, int line) {
        Cells cells = new Cells(record, line);
        Kind kind = cells.enumValue(RECORD, Kind.class, true);
        String number = cells.text(PATIENT_NUMBER, true, MAX_PATIENT_NUMBER);
        if (kind == null || number == null) {
            return null;
        }
        int before = errors.size();
        Row row =
                switch (kind) {
                    case PATIENT -> patient(cells, line, number);
                    case INHIBITOR_TEST -> inhibitorTest(cells, line, number);
                    case PLAN -> plan(cells, line, number);
                    case INFUSION -> infusion(cells, line, number);
                };
        if (errors.size() == before) {
            return row;
        }
        if (kind == Kind.PATIENT) {
            badPatients.add(number);
        }
        return null;
    }

    private @Nullable Row patient(Cells c, int line, String number) {
        String family = c.text(FAMILY_NAME, true, 100);
        String given = c.text(GIVEN_NAME, true, 100);
        LocalDate born = c.date(BIRTH_DATE, true);
        Sex sex = c.sex();
        DiagnosisType diagnosis = c.enumValue(DIAGNOSIS, DiagnosisType.class, true);
        BigDecimal level = c.number(BASELINE_LEVEL, false);
        LocalDate measured = c.date(BASELINE_MEASURED_ON, false);
        BigDecimal weight = c.number(WEIGHT_KG, false);
        String nhs = c.text(NHS_NUMBER, false, 20);
        if (family == null || given == null || born == null || sex == null || diagnosis == null) {
            return null;
        }
        return new PatientRow(line, number, family, given, born, sex, nhs, diagnosis, level, measured, weight);
    }

    private @Nullable Row inhibitorTest(Cells c, int line, String number) {
        LocalDate sampled = c.date(DATE, true);
        BigDecimal residual = c.number(RESIDUAL, true);
        BigDecimal dilution = c.number(DILUTION, true);
        if (sampled == null || residual == null || dilution == null) {
            return null;
        }
        return new InhibitorRow(line, number, sampled, residual, dilution);
    }

    private @Nullable Row plan(Cells c, int line, String number) {
        Regimen regimen = c.enumValue(REGIMEN, Regimen.class, true);
        Product product = c.product();
        BigDecimal dose = c.number(DOSE, false);
        BigDecimal perKg = c.number(DOSE_PER_KG, false);
        Schedule.Kind schedule = c.enumValue(SCHEDULE, Schedule.Kind.class, false);
        BigDecimal interval = c.number(SCHEDULE_INTERVAL, false);
        Set<DayOfWeek> weekdays = c.weekdays();
        LocalTime time = c.time(DOSE_TIME);
        LocalDate from = c.date(DATE, true);
        if (dose == null && perKg == null) {
            c.error(DOSE, "Give the dose or the dose per kg.");
        }
        if (interval != null
                && (interval.scale() > 0 && interval.stripTrailingZeros().scale() > 0)) {
            c.error(SCHEDULE_INTERVAL, "The interval is a whole number of days or weeks.");
        }
        if (regimen == null || product == null || from == null) {
            return null;
        }
        return new PlanRow(
                line,
                number,
                regimen,
                product,
                dose,
                perKg,
                schedule,
                interval == null ? null : interval.intValue(),
                weekdays,
                time,
                from);
    }

    private @Nullable Row infusion(Cells c, int line, String number) {
        String at = c.text(ADMINISTERED_AT, true, 40);
        Product product = c.product();
        BigDecimal dose = c.number(DOSE, true);
        InfusionReason reason = c.enumValue(REASON, InfusionReason.class, true);
        String batch = c.text(BATCH_NUMBER, false, 40);
        OffsetDateTime offset = null;
        LocalDateTime local = null;
        if (at != null) {
            try {
                offset = OffsetDateTime.parse(at);
            } catch (DateTimeParseException withoutOffset) {
                try {
                    local = LocalDateTime.parse(at);
                } catch (DateTimeParseException e) {
                    c.error(
                            ADMINISTERED_AT,
                            "Give the time as 2025-03-01T08:30 (the patient's local time) or with an offset, e.g."
                                    + " 2025-03-01T08:30+00:00.");
                }
            }
        }
        if (dose != null && dose.signum() <= 0) {
            c.error(DOSE, "The dose must be more than 0.");
        }
        if ((offset == null && local == null) || product == null || dose == null || reason == null) {
            return null;
        }
        return new InfusionRow(line, number, offset, local, product, batch, dose, reason);
    }

    /** The cells of one record, read by column name, each problem recorded against its line and column. */
    private final class Cells {

        private final CSVRecord record;
        private final int line;

        Cells(CSVRecord record, int line) {
            this.record = record;
            this.line = line;
        }

        void error(String column, String message) {
            errors.add(new ImportError(line, column, message));
        }

        @Nullable
        String raw(String column) {
            if (!record.isMapped(column) || !record.isSet(column)) {
                return null;
            }
            String value = record.get(column).strip();
            return value.isEmpty() ? null : value;
        }

        @Nullable
        String text(String column, boolean required, int max) {
            String value = raw(column);
            if (value == null) {
                if (required) {
                    error(column, "This value is required.");
                }
                return null;
            }
            if (value.length() > max) {
                error(column, "At most " + max + " characters.");
                return null;
            }
            return value;
        }

        @Nullable
        LocalDate date(String column, boolean required) {
            String value = text(column, required, 10);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                error(column, "Give the date as YYYY-MM-DD.");
                return null;
            }
        }

        @Nullable
        LocalTime time(String column) {
            String value = text(column, false, 8);
            if (value == null) {
                return null;
            }
            try {
                return LocalTime.parse(value);
            } catch (DateTimeParseException e) {
                error(column, "Give the time as HH:MM.");
                return null;
            }
        }

        @Nullable
        BigDecimal number(String column, boolean required) {
            String value = text(column, required, 20);
            if (value == null) {
                return null;
            }
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException e) {
                error(column, "Not a number (use a point for decimals, no units).");
                return null;
            }
        }

        <E extends Enum<E>> @Nullable E enumValue(String column, Class<E> type, boolean required) {
            String value = text(column, required, 40);
            if (value == null) {
                return null;
            }
            String name = value.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(name)) {
                    return constant;
                }
            }
            error(
                    column,
                    "Unknown value; one of "
                            + EnumSet.allOf(type).stream().map(Enum::name).collect(Collectors.joining(", "))
                            + ".");
            return null;
        }

        @Nullable
        Sex sex() {
            String value = raw(SEX);
            if (value != null && value.length() == 1) {
                return switch (value.toUpperCase(Locale.ROOT)) {
                    case "M" -> Sex.MALE;
                    case "F" -> Sex.FEMALE;
                    default -> enumValue(SEX, Sex.class, true);
                };
            }
            return enumValue(SEX, Sex.class, true);
        }

        @Nullable
        Product product() {
            String value = text(PRODUCT, true, 100);
            if (value == null) {
                return null;
            }
            Product product = products.apply(value);
            if (product == null) {
                error(PRODUCT, "No product of the catalogue has this id or brand name.");
            }
            return product;
        }

        Set<DayOfWeek> weekdays() {
            String value = raw(WEEKDAYS);
            if (value == null) {
                return Set.of();
            }
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String part : value.split("[ ;|]+")) {
                DayOfWeek day = day(part.toUpperCase(Locale.ROOT));
                if (day == null) {
                    error(WEEKDAYS, "Give weekdays as MON TUE … separated by spaces or semicolons.");
                    return Set.of();
                }
                days.add(day);
            }
            return days;
        }
    }

    /** MON or MONDAY (any case). */
    private static @Nullable DayOfWeek day(String text) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(text) || day.name().substring(0, 3).equals(text)) {
                return day;
            }
        }
        return null;
    }
}
