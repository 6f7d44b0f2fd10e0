package org.hemonet.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.hemonet.shared.Actor;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Trends (issue 18): one measure of the centres compared, year by year, for the network and each centre, with the
 * change from the year before. Each year is the {@link CentreComparison} of that calendar year, so every figure passes
 * the same disclosure control; a change is given only between two shown figures ({@code *} when either is suppressed,
 * {@code –} when either is undefined), and counts are already rounded to 5 for network roles, so consecutive years
 * cannot be differenced to a small count.
 */
@Service
public class CentreTrends {

    /** The longest span one request may ask for. */
    static final int MAX_YEARS = 30;

    /** The measures with a trend; {@link #key} is the API's {@code measure} value. */
    public enum Measure {
        PATIENTS("patients", CentreComparison.Row::patients),
        ABR_MEDIAN("abrMedian", CentreComparison.Row::abrMedian),
        ZERO_BLEED_PROPORTION("zeroBleedProportion", CentreComparison.Row::zeroBleedProportion),
        IU_PER_KG_PER_YEAR_MEDIAN("iuPerKgPerYearMedian", CentreComparison.Row::iuPerKgPerYearMedian),
        WITH_DIARY_PROPORTION("withDiaryProportion", CentreComparison.Row::withDiaryProportion),
        AJBR_MEDIAN("ajbrMedian", r -> r.more().ajbrMedian()),
        JOINT_IMMOBILISING_PROPORTION(
                "jointImmobilisingProportion", r -> r.more().jointImmobilisingProportion()),
        TARGET_JOINT_PROPORTION("targetJointProportion", r -> r.more().targetJointProportion()),
        HJHS_MEDIAN("hjhsMedian", r -> r.more().hjhsMedian()),
        PAIN_MEDIAN("painMedian", r -> r.more().painMedian()),
        DAYS_LOST_PER_PATIENT_YEAR("daysLostPerPatientYear", r -> r.more().daysLostPerPatientYear()),
        ADHERENCE_MEDIAN("adherenceMedian", r -> r.more().adherenceMedian()),
        DIARY_COMPLETENESS_MEDIAN("diaryCompletenessMedian", r -> r.more().diaryCompletenessMedian()),
        COST_PER_PATIENT_MEAN("costPerPatientMean", r -> r.more().costPerPatientMean()),
        SATISFACTION_MEAN("satisfactionMean", r -> r.more().satisfactionMean()),
        ADVERSE_EVENTS_PER_100_TREATMENT_YEARS(
                "adverseEventsPer100TreatmentYears", r -> r.more().adverseEventsPer100TreatmentYears());

        public final String key;
        private final Function<CentreComparison.Row, String> value;

        Measure(String key, Function<CentreComparison.Row, String> value) {
            this.key = key;
            this.value = value;
        }

        /** The measure named {@code key}, ABR median when null; a 400 naming {@code measure} otherwise. */
        public static Measure of(@Nullable String key) {
            if (key == null || key.isBlank()) {
                return ABR_MEDIAN;
            }
            for (Measure m : values()) {
                if (m.key.equals(key)) {
                    return m;
                }
            }
            throw new InvalidInputException("measure", "Trends are drawn for: " + keys() + ".");
        }

        public static List<String> keys() {
            return Arrays.stream(values()).map(m -> m.key).toList();
        }
    }

    /** One year's figure and its change from the year before ({@code –} in the first year). */
    public record YearValue(int year, String value, String change) {}

    /** The network's line ({@code centreId} null) or one centre's. */
    public record Line(@Nullable UUID centreId, String centreName, List<YearValue> values) {}

    public record Trends(
            String measure, int from, int to, CentreComparison.Filter filter, Line network, List<Line> centres) {}

    private final CentreComparison comparison;

    CentreTrends(CentreComparison comparison) {
        this.comparison = comparison;
    }

    public Trends trends(Actor actor, Measure measure, int from, int to, CentreComparison.Filter filter) {
        CentreComparison.requireAllowed(actor);
        CentreComparison.requireYear(from);
        CentreComparison.requireYear(to);
        if (from > to) {
            throw new InvalidInputException("from", "The first year must not be after the last year.");
        }
        if (to - from + 1 > MAX_YEARS) {
            throw new InvalidInputException("from", "A trend spans at most " + MAX_YEARS + " years.");
        }
        List<YearValue> network = new ArrayList<>();
        Map<UUID, String> names = new LinkedHashMap<>();
        Map<UUID, List<YearValue>> byCentre = new LinkedHashMap<>();
        for (int year = from; year <= to; year++) {
            CentreComparison.Comparison c = comparison.compare(actor, year, filter);
            network.add(next(network, year, measure.value.apply(c.network())));
            for (CentreComparison.Row row : c.items()) {
                if (row.centreId() == null) {
                    continue;
                }
                names.put(row.centreId(), row.centreName());
                List<YearValue> line = byCentre.computeIfAbsent(row.centreId(), k -> new ArrayList<>());
                line.add(next(line, year, measure.value.apply(row)));
            }
        }
        List<Line> centres = new ArrayList<>();
        names.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .forEach(e -> centres.add(new Line(e.getKey(), e.getValue(), byCentre.get(e.getKey()))));
        return new Trends(measure.key, from, to, filter, new Line(null, "", network), centres);
    }

    private static YearValue next(List<YearValue> line, int year, String value) {
        YearValue previous = line.isEmpty() ? null : line.get(line.size() - 1);
        String change = previous == null || previous.year() != year - 1 ? "–" : change(previous.value(), value);
        return new YearValue(year, value, change);
    }

    /** {@code to − from} with a sign, at the finer of the two scales; {@code *} or {@code –} when either is not shown. */
    static String change(String from, String to) {
        if (DisclosureControl.SUPPRESSED.equals(from) || DisclosureControl.SUPPRESSED.equals(to)) {
            return DisclosureControl.SUPPRESSED;
        }
        BigDecimal a = number(from);
        BigDecimal b = number(to);
        if (a == null || b == null) {
            return "–";
        }
        BigDecimal d = b.subtract(a).setScale(Math.max(a.scale(), b.scale()));
        return d.signum() > 0 ? "+" + d.toPlainString() : d.toPlainString();
    }

    /** A shown figure as a number ({@code 1,200} included), null for {@code *} and {@code –}. */
    static @Nullable BigDecimal number(String s) {
        try {
            return new BigDecimal(s.replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
