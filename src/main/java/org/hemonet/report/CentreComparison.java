package org.hemonet.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.outcome.CentreCohort;
import org.hemonet.outcome.CohortOutcomes;
import org.hemonet.outcome.CohortRegimen;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.InhibitorStatus;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.patient.Severity;
import org.hemonet.shared.Actor;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Centres compared on outcomes for one calendar year and a cohort filter (issue 18): per centre the patients, the ABR
 * median and interquartile range of those with diary time in the year (clinical.md §4, as the cohort page computes
 * them), the proportion of them with no bleed, and the median factor IU/kg/year delivered to those dosed with factor.
 * The network row holds the same figures over every centre's patients.
 *
 * <p>Who sees what: network analysts and commissioners see every centre through {@link DisclosureControl} (clinical.md
 * §8 — counts of 1–7 as {@code *}, others rounded to 5, statistics on fewer than 8 patients as {@code *}, and a lone
 * suppressed centre takes a second with it because the network total is exact); centre staff see their own centres'
 * rows as computed and the others as an analyst would; anyone else is refused.
 */
@Service
public class CentreComparison {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CentreComparison.class);

    /**
     * The cohort filter; null fields do not filter.
     *
     * @param regimen the regimen group as the cohorts count it: from the treatment plan that applies on the last day of
     *     the year (or today, in the current year)
     * @param ageBand the patient's age on the last day of the year
     */
    public record Filter(
            @Nullable DiagnosisType diagnosis,
            @Nullable Severity severity,
            @Nullable InhibitorStatus inhibitorStatus,
            @Nullable CohortRegimen regimen,
            @Nullable AgeBand ageBand) {

        /** A filter on diagnosis, severity and inhibitor status only. */
        public Filter(
                @Nullable DiagnosisType diagnosis,
                @Nullable Severity severity,
                @Nullable InhibitorStatus inhibitorStatus) {
            this(diagnosis, severity, inhibitorStatus, null, null);
        }

        /** How many of the dimensions the filter sets (diagnosis, severity, inhibitor status, regimen, age band). */
        int dimensions() {
            return (diagnosis == null ? 0 : 1)
                    + (severity == null ? 0 : 1)
                    + (inhibitorStatus == null ? 0 : 1)
                    + (regimen == null ? 0 : 1)
                    + (ageBand == null ? 0 : 1);
        }

        /** Whether the filter takes every patient. */
        boolean isEmpty() {
            return diagnosis == null
                    && severity == null
                    && inhibitorStatus == null
                    && regimen == null
                    && ageBand == null;
        }

        /** Whether the patient is in the cohort of the year ending {@code lastDay}, given each patient's regimen. */
        boolean accepts(PatientSummary p, LocalDate lastDay, Map<UUID, CohortRegimen> regimens) {
            return (diagnosis == null || p.diagnosis() == diagnosis)
                    && (severity == null || p.severity() == severity)
                    && (inhibitorStatus == null || p.inhibitorStatus() == inhibitorStatus)
                    && (regimen == null || regimens.get(p.id()) == regimen)
                    && (ageBand == null
                            || ageBand.holds(
                                    Period.between(p.dateOfBirth(), lastDay).getYears()));
        }
    }

    /** Age bands of the cohort filter: children, adolescents, adults, older adults (age in whole years). */
    public enum AgeBand {
        AGE_0_11("0-11", 0, 11),
        AGE_12_17("12-17", 12, 17),
        AGE_18_64("18-64", 18, 64),
        AGE_65_PLUS("65+", 65, Integer.MAX_VALUE);

        /** How the band is written in a URL and shown. */
        public final String label;

        private final int youngest;
        private final int oldest;

        AgeBand(String label, int youngest, int oldest) {
            this.label = label;
            this.youngest = youngest;
            this.oldest = oldest;
        }

        boolean holds(int age) {
            return age >= youngest && age <= oldest;
        }

        /** The band written as {@code label} (or its constant's name), null when blank; a 400 naming the field. */
        public static @Nullable AgeBand of(@Nullable String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            for (AgeBand band : values()) {
                if (band.label.equals(text.strip()) || band.name().equals(text.strip())) {
                    return band;
                }
            }
            throw new InvalidInputException(
                    "ageBand",
                    "Age bands are: "
                            + String.join(
                                    ", ",
                                    java.util.Arrays.stream(values())
                                            .map(b -> b.label)
                                            .toList())
                            + ".");
        }
    }

    /** One row of the comparison; every figure a string ({@code *} where suppressed, {@code –} where undefined). */
    public record Row(
            @Nullable UUID centreId,
            String centreName,
            boolean disclosureControl,
            String patients,
            String included,
            String abrMedian,
            List<String> abrIqr,
            String zeroBleedProportion,
            String iuPerKgPerYearMedian,
            String withDiaryProportion,
            @JsonUnwrapped MoreMeasures more) {}

    public record Comparison(int year, Filter filter, Row network, List<Row> items) {}

    /** Raw figures of one centre (or the network), before disclosure control. */
    record Figures(CentreCohort cohort, List<Double> iuPerKgPerYear, MoreMeasures.Raw more) {

        int n() {
            return cohort.all().n();
        }

        @Nullable
        Double zeroBleedProportion() {
            return n() == 0 ? null : cohort.all().zeroBleeds() / (double) n();
        }

        /** The proportion of the cohort's patients with diary time in the year (the rest have no ABR, §4). */
        @Nullable
        Double withDiaryProportion() {
            return cohort.patients() == 0 ? null : n() / (double) cohort.patients();
        }
    }

    /** What the comparison reads: the cohorts, diary, outcomes, plans and deliveries, prices, centres, safety, surveys. */
    static final Set<String> READS =
            Set.of("patient", "diary", "outcome", "supply", "product", "centre", "safety", "survey");

    private final CohortOutcomes cohorts;
    private final CentreDirectory centres;
    private final PatientRegistry patients;
    private final ValueReport values;
    private final MoreMeasuresSource more;
    private final PatientYears patientYears;
    private final ReportSnapshots snapshots;
    private final NetworkTime networkTime;
    private static final DisclosureControl DISCLOSURE = DisclosureControl.defaults();

    CentreComparison(
            CohortOutcomes cohorts,
            CentreDirectory centres,
            PatientRegistry patients,
            ValueReport values,
            MoreMeasuresSource more,
            PatientYears patientYears,
            ReportSnapshots snapshots,
            NetworkTime networkTime) {
        this.more = more;
        this.patientYears = patientYears;
        this.cohorts = cohorts;
        this.centres = centres;
        this.patients = patients;
        this.values = values;
        this.snapshots = snapshots;
        this.networkTime = networkTime;
    }

    static void requireAllowed(Actor actor) {
        if (!CohortOutcomesReport.NETWORK.contains(actor.role())
                && !CohortOutcomesReport.CENTRE_STAFF.contains(actor.role())) {
            throw new AccessDeniedException("centre comparisons are for the network and centre teams");
        }
    }

    static void requireYear(int year) {
        if (year < 1900 || year > 9999) {
            throw new InvalidInputException("year", "The year must be a calendar year such as 2025.");
        }
    }

    public Comparison compare(Actor actor, int year, Filter filter) {
        return computed(actor, year, filter).shown();
    }

    /** A comparison as shown to the actor beside the raw figures it was made from (for the funnel's limits). */
    record Computed(Comparison shown, Figures network, Map<UUID, Figures> byCentre) {}

    /** A centre of the comparison, in the order shown (by name). */
    record Named(UUID id, String name) {}

    /**
     * The raw figures of one year and cohort filter, before any disclosure control: the same for every reader, so
     * kept in {@link ReportSnapshots} (issue 18, speed) and published per reader by {@link #publish}.
     */
    record Gathered(
            Figures network,
            Map<UUID, Figures> byCentre,
            List<Named> centres,
            java.util.concurrent.ConcurrentMap<List<Object>, View> views) {

        Gathered(Figures network, Map<UUID, Figures> byCentre, List<Named> centres) {
            this(network, byCentre, centres, new java.util.concurrent.ConcurrentHashMap<>());
        }

        /**
         * The comparison as {@code networkRole} / {@code ownCentres} see it, published once per kind of reader and
         * kept with these figures (every network role sees the same; a clinician sees what their centres' staff do):
         * a view then costs no medians or disclosure decisions, only its JSON (issue 18, speed). Kept figures are
         * replaced as a whole when they change, and their views with them.
         */
        Computed view(boolean networkRole, Set<UUID> ownCentres, int year, Filter filter, List<Gathered> otherCells) {
            List<Object> key = List.of(networkRole, networkRole ? Set.of() : Set.copyOf(ownCentres));
            View kept = views.get(key);
            if (kept != null && kept.madeWith(otherCells)) {
                return kept.computed();
            }
            Computed computed = publish(networkRole, ownCentres, year, filter, this, otherCells);
            views.put(key, new View(List.copyOf(otherCells), computed));
            return computed;
        }
    }

    /**
     * A publication kept with the figures of the filter's other grid cells it was made with ({@link #smallIn}): when
     * one of those is replaced by fresher figures, the publication is made again.
     */
    record View(List<Gathered> otherCells, Computed computed) {

        boolean madeWith(List<Gathered> cells) {
            if (cells.size() != otherCells.size()) {
                return false;
            }
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i) != otherCells.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    Computed computed(Actor actor, int year, Filter filter) {
        requireAllowed(actor);
        requireYear(year);
        YearFacts facts = facts(year);
        List<Gathered> rest = new ArrayList<>();
        for (Filter cell : grid(filter)) {
            if (!cell.equals(filter)) {
                rest.add(facts.gathered(cell, this));
            }
        }
        return facts.gathered(filter, this)
                .view(CohortOutcomesReport.NETWORK.contains(actor.role()), actor.centreIds(), year, filter, rest);
    }

    /**
     * What every filter of one year is computed from, read once (issue 18, speed): every patient's record and regimen
     * group, each patient's outcome figures of the year ({@link PatientYears}, recomputed only for patients whose diary,
     * record or plans changed), the value report's per-patient IU and cost, and the further measures' year-level reads.
     * A filter's figures (and its grid's other cells) are then sums, medians and counts over a subset of these, kept
     * with them once computed: a new filter costs milliseconds, not a pass over the diaries.
     */
    record YearFacts(
            int year,
            List<PatientSummary> everyone,
            Map<UUID, CohortRegimen> regimens,
            Map<UUID, PatientYears.Figures> patients,
            List<ValueReport.PatientValue> values,
            MoreMeasuresSource.Year more,
            java.util.concurrent.ConcurrentMap<Filter, Gathered> cells) {

        /** The raw figures of one filter, computed at the first ask and kept with these facts. */
        Gathered gathered(Filter filter, CentreComparison comparison) {
            Gathered kept = cells.get(filter);
            if (kept != null) {
                return kept;
            }
            Gathered g = comparison.gather(this, filter);
            Gathered raced = cells.putIfAbsent(filter, g);
            return raced == null ? g : raced;
        }
    }

    /**
     * A year's facts, from the snapshots: keyed on the year and on today's date, since the current year's observation
     * time runs to today (clinical.md §4). One change-count look-up per view, whatever the grid.
     */
    YearFacts facts(int year) {
        return snapshots.get("centre-years", READS, List.of(year, networkTime.today()), () -> readYear(year));
    }

    /** Reads a year's facts (the per-patient figures through {@link PatientYears}). */
    YearFacts readYear(int year) {
        long t0 = System.nanoTime();
        LocalDate to = LocalDate.of(year, 12, 31);
        // the registry does not move with the diary: one reading serves every year of a refresh
        List<PatientSummary> everyone =
                snapshots.kept("patients-for-aggregates", Set.of("patient"), List.of(), patients::allForAggregates);
        Map<UUID, CohortRegimen> regimens =
                cohorts.regimens(everyone.stream().map(PatientSummary::id).toList(), to);
        long t1 = System.nanoTime();
        Map<UUID, PatientYears.Figures> figures = patientYears.of(year, everyone);
        long t2 = System.nanoTime();
        ValueReport.Period period = new ValueReport.Period(YearMonth.of(year, 1), YearMonth.of(year, 12));
        List<ValueReport.PatientValue> patientValues = values.patientValues(period);
        long t3 = System.nanoTime();
        MoreMeasuresSource.Year further =
                more.read(year, everyone.stream().map(PatientSummary::id).toList());
        long t4 = System.nanoTime();
        // a national year's reading is worth a line in the log; a small network's is not
        org.slf4j.event.Level level =
                t4 - t0 >= 1_000_000_000L ? org.slf4j.event.Level.INFO : org.slf4j.event.Level.DEBUG;
        log.atLevel(level)
                .log(
                        "Centres compared: {} read in {} ms (patients and regimens {}, outcome figures {}, value {}, further {})",
                        year,
                        (t4 - t0) / 1_000_000,
                        (t1 - t0) / 1_000_000,
                        (t2 - t1) / 1_000_000,
                        (t3 - t2) / 1_000_000,
                        (t4 - t3) / 1_000_000);
        return new YearFacts(
                year,
                everyone,
                Map.copyOf(regimens),
                Map.copyOf(figures),
                List.copyOf(patientValues),
                further,
                new java.util.concurrent.ConcurrentHashMap<>());
    }

    /**
     * The filters of the grid a filter belongs to: every combination of values of the dimensions it sets (diagnosis,
     * severity, inhibitor status, regimen, age band), the others left unset; the filter itself among them. The cells
     * of a grid partition the same patients (all severities together are the patients of any severity), so a centre's
     * count in one cell is the count under a wider filter less its counts in the others: see {@link #smallIn}.
     */
    static List<Filter> grid(Filter filter) {
        List<Filter> cells = List.of(filter);
        if (filter.diagnosis() != null) {
            cells = cells.stream()
                    .flatMap(f -> java.util.Arrays.stream(DiagnosisType.values())
                            .map(v -> new Filter(v, f.severity(), f.inhibitorStatus(), f.regimen(), f.ageBand())))
                    .toList();
        }
        if (filter.severity() != null) {
            cells = cells.stream()
                    .flatMap(f -> java.util.Arrays.stream(Severity.values())
                            .map(v -> new Filter(f.diagnosis(), v, f.inhibitorStatus(), f.regimen(), f.ageBand())))
                    .toList();
        }
        if (filter.inhibitorStatus() != null) {
            cells = cells.stream()
                    .flatMap(f -> java.util.Arrays.stream(InhibitorStatus.values())
                            .map(v -> new Filter(f.diagnosis(), f.severity(), v, f.regimen(), f.ageBand())))
                    .toList();
        }
        if (filter.regimen() != null) {
            cells = cells.stream()
                    .flatMap(f -> java.util.Arrays.stream(CohortRegimen.values())
                            .map(v -> new Filter(f.diagnosis(), f.severity(), f.inhibitorStatus(), v, f.ageBand())))
                    .toList();
        }
        if (filter.ageBand() != null) {
            cells = cells.stream()
                    .flatMap(f -> java.util.Arrays.stream(AgeBand.values())
                            .map(v -> new Filter(f.diagnosis(), f.severity(), f.inhibitorStatus(), f.regimen(), v)))
                    .toList();
        }
        return cells;
    }

    /**
     * The centres with a count of 1–7 (patients, patients with diary time, treatment-years, patient-years, respondents
     * to the satisfaction questionnaire) in any of
     * the other cells of a filter's grid ({@link #grid}): hidden under the filter too (clinical.md §8, no suppressed
     * cell recoverable from the same report under another filter). Otherwise the figures beside a count pin it — 0.700
     * over 18–22 patients is 14 of 20 — and a centre shown under all severities and under two of them gives the third
     * away: 20 patients, 14 with diary time, less 10 mild of whom 8 with diary time, is 10 moderate of whom 6 with
     * diary time ({@code ComparisonDifferencingTest}). Hidden in every cell of the grid, its cells are only bounded by
     * the wider filters' counts, never pinned. A filter on no dimension has no other cell.
     */
    static Set<UUID> smallIn(List<Gathered> otherCells) {
        Set<UUID> small = new HashSet<>();
        for (Gathered g : otherCells) {
            g.byCentre().forEach((centre, f) -> {
                if (small(f.cohort().patients())
                        || small(f.n())
                        || small(f.more().treatmentYears)
                        || small(Math.round(f.more().patientYears()))
                        || small(f.more().satisfactionPatients)) {
                    small.add(centre);
                }
            });
        }
        return small;
    }

    /**
     * Whether a centre hidden by the grid rule is listed, hidden, where it has no patient ({@link #publish}): under a
     * filter on two dimensions or more, and under one on a dimension patients move along from year to year — regimen,
     * age band, inhibitor status (clinical.md §8: no suppressed cell recoverable from the same report under another
     * year). Were a centre listed there only with a patient, its absence one year would be an exact 0 and its hidden
     * row the next a count of at least 1, which an attacker told that at most one of its patients moved (a child
     * turned 12, a patient switched regimen) reads as exactly 1 (GridDifferencingTest). Diagnosis and severity do
     * not change, so under a filter on one of them alone a centre is listed only where it has a patient.
     */
    static boolean listsEmptyCells(Filter filter) {
        return filter.dimensions() >= 2
                || filter.regimen() != null
                || filter.ageBand() != null
                || filter.inhibitorStatus() != null;
    }

    /** The figures with each centre of {@code listed} that has no patient here added, empty. */
    private static Gathered withAbsentListed(Gathered g, Set<UUID> listed, List<Gathered> otherCells) {
        Map<UUID, Figures> byCentre = new HashMap<>(g.byCentre());
        List<Named> centres = new ArrayList<>(g.centres());
        for (Gathered other : otherCells) {
            for (Named c : other.centres()) {
                if (listed.contains(c.id()) && !byCentre.containsKey(c.id())) {
                    CentreCohort empty = new CentreCohort(
                            c.id(),
                            g.network().cohort().from(),
                            g.network().cohort().to(),
                            0,
                            0,
                            0,
                            new CentreCohort.Distribution(0, null, null, null, null, 0, null),
                            List.of(),
                            List.of());
                    byCentre.put(c.id(), new Figures(empty, List.of(), new MoreMeasures.Raw()));
                    centres.add(c);
                }
            }
        }
        if (centres.size() == g.centres().size()) {
            return g;
        }
        centres.sort((a, b) -> a.name().compareTo(b.name()));
        return new Gathered(g.network(), Map.copyOf(byCentre), List.copyOf(centres));
    }

    private static boolean small(long count) {
        return count > 0 && count < DISCLOSURE.smallestShownCount();
    }

    /** Computes the raw figures of every centre with a patient of the cohort, and the network's. */
    Gathered gather(YearFacts facts, Filter filter) {
        Map<UUID, Figures> byCentre = new HashMap<>();
        Figures network = figures(facts, filter, byCentre);
        List<Named> ordered = centres.centres().stream()
                .filter(c -> byCentre.containsKey(c.id()))
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .map(c -> new Named(c.id(), c.name()))
                .toList();
        return new Gathered(network, Map.copyOf(byCentre), ordered);
    }

    /**
     * The comparison as one reader sees it (clinical.md §8): network roles every centre through disclosure control,
     * centre staff their {@code ownCentres} as computed and the rest as an analyst would. The only place figures are
     * made visible, so the differencing tests publish through it.
     */
    static Computed publish(boolean networkRole, Set<UUID> ownCentres, int year, Filter filter, Gathered g) {
        return publish(networkRole, ownCentres, year, filter, g, List.of());
    }

    /**
     * The comparison as one reader sees it beside the other cells of the filter's grid ({@link #grid}): a centre with
     * a small count in one of them is hidden as a centre of 1–7 patients is ({@link #smallIn}). Under a filter on two
     * dimensions or more it is also listed, hidden, where it has no patient: there the wider filters are the grid's
     * rows and columns, and a centre's absence from one cell says a row is the one other cell, which the column then
     * takes away from its neighbour (diagnosis by severity: 8 patients of diagnosis B, none of them severe, are 8
     * moderate ones of B, and beside 14 moderate ones in all, 6 moderate of A). Under a filter on diagnosis or severity
     * alone the only wider filter is all patients: every other non-empty cell of the centre is hidden, so a small one is
     * never all of its total less shown cells, and listing centres without patients there would only hide the
     * network's figures. Under one on a dimension patients move along over the years it is listed too, since there
     * the year before is a wider filter of sorts ({@link #listsEmptyCells}).
     */
    static Computed publish(
            boolean networkRole,
            Set<UUID> ownCentres,
            int year,
            Filter filter,
            Gathered gathered,
            List<Gathered> otherCells) {
        Set<UUID> smallInGrid = smallIn(otherCells);
        Gathered g = listsEmptyCells(filter) ? withAbsentListed(gathered, smallInGrid, otherCells) : gathered;
        DisclosureControl disclosure = DISCLOSURE;
        Map<UUID, Figures> byCentre = g.byCentre();
        Figures network = g.network();
        List<Named> ordered = g.centres();
        // the centres' patients and those with diary time, each one dimension of the disclosure function with the
        // network as its total (§8): hidden centres show * throughout, and beside them the network's counts are hidden
        List<Long> patientCounts = ordered.stream()
                .map(c -> (long) byCentre.get(c.id()).cohort().patients())
                .toList();
        Set<Integer> alsoHidden = new HashSet<>();
        for (int i = 0; i < ordered.size(); i++) {
            if (smallInGrid.contains(ordered.get(i).id())) {
                alsoHidden.add(i);
            }
        }
        DisclosureControl.Dimension shownPatients = disclosure.dimension(patientCounts, alsoHidden);
        // the patients with diary time are a dimension of their own: a centre hidden in it (1–7, or taken with a lone
        // one) shows * for that count and for every figure that would give it away — the proportions over it, and the
        // share of the centre's patients it is (7 of 11 patients with diary time show as 0.636, which only 7/11 gives)
        List<Long> includedCounts =
                ordered.stream().map(c -> (long) byCentre.get(c.id()).n()).toList();
        DisclosureControl.Dimension shownIncluded = disclosure.dimension(includedCounts, alsoHidden);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Named c = ordered.get(i);
            boolean own = !networkRole && ownCentres.contains(c.id());
            rows.add(
                    own
                            ? row(c.id(), c.name(), byCentre.get(c.id()), null, false)
                            : withIncludedHidden(
                                    row(c.id(), c.name(), byCentre.get(c.id()), disclosure, shownPatients.hides(i)),
                                    shownIncluded.hides(i)));
        }
        // unless the only hidden centres are the reader's own, whom they see as computed
        Row networkRow = row(null, "", network, null, false);
        boolean patientsGivenAway = givesAway(shownPatients.hidden(), ordered, ownCentres, networkRole);
        boolean includedGivenAway = givesAway(shownIncluded.hidden(), ordered, ownCentres, networkRole);
        if (patientsGivenAway || includedGivenAway) {
            Row controlled = row(null, "", network, disclosure, false);
            // counts beside a hidden centre never shown; rates and means only when they cannot be taken apart
            MoreMeasures more = separable(shownPatients.hidden(), patientCounts, ordered, ownCentres, networkRole)
                    ? controlled.more().withCountsHidden()
                    : controlled.more().withAdditiveHidden();
            // nor a proportion over a hidden count: to 3 decimals it is the count's total in all but name (the
            // network's 0.059 beside a centre's 0.100 of 8–12 is 1 of 17 and 1 of 10, so the hidden centre's patients
            // with diary time are 7 — ComparisonDifferencingTest; to 2 decimals a rate still gave one away there;
            // DisclosureControl point 4, as the service measures)
            String star = DisclosureControl.SUPPRESSED;
            String includedTotal = includedGivenAway ? star : Integer.toString(network.n());
            networkRow = new Row(
                    null,
                    "",
                    true,
                    shownPatients.total(),
                    shownIncluded.total(),
                    controlled.abrMedian(),
                    controlled.abrIqr(),
                    disclosure.overTotal(controlled.zeroBleedProportion(), includedTotal),
                    controlled.iuPerKgPerYearMedian(),
                    star,
                    includedGivenAway ? more.withDiaryCountHidden() : more);
        }
        // the exposure counts (patient-years, treatment-years) are counts too: their network total is never shown
        // beside a centre's hidden one (§8, DisclosureControl point 1). Nor is the network rate over them: a rate shown
        // to 2 decimals is an equation in whole numbers, so beside the other centres' rates it gives the hidden
        // centre's exposure away (8 patients with 1 treatment-year and 1 event beside 12 with 11 events in 12: 91.67
        // can only be 11/12, and a network 92.31 only 12/13, so the hidden centre's treatment-years are 1; rounded
        // to whole events per 100 it still pinned one — ComparisonDifferencingTest). The centres' own rates stay.
        boolean treatmentYearsHidden = anyHidden(rows, r -> r.more().treatmentYears());
        boolean patientYearsHidden = anyHidden(rows, r -> r.more().patientYears());
        if (treatmentYearsHidden || patientYearsHidden) {
            Row n = networkRow;
            MoreMeasures m = n.more();
            if (treatmentYearsHidden) {
                m = m.withTreatmentYearsHidden();
            }
            if (patientYearsHidden) {
                m = m.withPatientYearsHidden();
            }
            networkRow = new Row(
                    n.centreId(),
                    n.centreName(),
                    true,
                    n.patients(),
                    n.included(),
                    n.abrMedian(),
                    n.abrIqr(),
                    n.zeroBleedProportion(),
                    n.iuPerKgPerYearMedian(),
                    n.withDiaryProportion(),
                    m);
        }
        // the satisfaction questionnaire's respondents are a count of their own, shown nowhere but pinned by the means
        // over them (one 5-point item: a mean is 25 k / x to 1 decimal, 73.1 over at most 17 respondents is 38 of 13):
        // beside a centre's mean hidden for 2 respondents the network's mean gave them away, as in the survey report
        // (SurveyDifferencingTest, ComparisonDifferencingTest). The network's mean is over their total, so shown only
        // where that total could be (DisclosureControl point 4): beside no centre this reader may not see as computed
        // whose respondents are 1–7 or whose row is hidden. Shown beside two hidden centres it still pinned them across
        // the severities (all = severe + moderate + mild: each table's network mean is one more equation in their
        // whole numbers). A centre's own mean on fewer than 8 is * already ({@link MoreMeasures.Raw#shown}); with the
        // network's hidden, no partner is needed.
        Set<Integer> respondentsHidden = new HashSet<>(shownPatients.hidden());
        for (int i = 0; i < ordered.size(); i++) {
            long n = byCentre.get(ordered.get(i).id()).more().satisfactionPatients;
            if (n > 0 && n < disclosure.smallestShownCount()) {
                respondentsHidden.add(i);
            }
        }
        if (givesAway(respondentsHidden, ordered, ownCentres, networkRole)) {
            networkRow = withMore(networkRow, networkRow.more().withSatisfactionHidden());
        }
        return new Computed(new Comparison(year, filter, networkRow, rows), network, byCentre);
    }

    private static Row withMore(Row r, MoreMeasures more) {
        return new Row(
                r.centreId(),
                r.centreName(),
                r.disclosureControl(),
                r.patients(),
                r.included(),
                r.abrMedian(),
                r.abrIqr(),
                r.zeroBleedProportion(),
                r.iuPerKgPerYearMedian(),
                r.withDiaryProportion(),
                more);
    }

    /** The row with the patients with diary time, and the figures that would give them away, hidden. */
    private static Row withIncludedHidden(Row r, boolean hidden) {
        if (!hidden) {
            return r;
        }
        String s = DisclosureControl.SUPPRESSED;
        return new Row(
                r.centreId(),
                r.centreName(),
                r.disclosureControl(),
                r.patients(),
                s,
                r.abrMedian(),
                r.abrIqr(),
                s,
                r.iuPerKgPerYearMedian(),
                s,
                r.more().withDiaryCountHidden());
    }

    /** Whether a row under disclosure control shows the figure as suppressed. */
    private static boolean anyHidden(List<Row> rows, java.util.function.Function<Row, String> figure) {
        return rows.stream()
                .filter(Row::disclosureControl)
                .anyMatch(r -> DisclosureControl.SUPPRESSED.equals(figure.apply(r)));
    }

    /**
     * Whether the network's figures beside a dimension's hidden cells cannot be taken apart by this reader: not one
     * non-empty hidden cell alone among those the reader does not see as computed ({@link
     * DisclosureControl.Dimension#totalFiguresShown}, where the partner hidden with a lone cell may be the reader's own
     * centre, which a clinician knows: their own 8 respondents and the network's 55.0 over 10 left the other centre's
     * 2 — ComparisonDifferencingTest).
     */
    private static boolean separable(
            Set<Integer> hidden, List<Long> counts, List<Named> ordered, Set<UUID> ownCentres, boolean networkRole) {
        return hidden.stream()
                        .filter(i -> counts.get(i) > 0)
                        .filter(i -> networkRole
                                || !ownCentres.contains(ordered.get(i).id()))
                        .count()
                != 1;
    }

    /** Whether the exact network row would give away a suppressed centre this reader may not see as computed. */
    private static boolean givesAway(
            Set<Integer> hidden, List<Named> ordered, Set<UUID> ownCentres, boolean networkRole) {
        return !hidden.isEmpty()
                && (networkRole
                        || hidden.stream()
                                .anyMatch(
                                        i -> !ownCentres.contains(ordered.get(i).id())));
    }

    /** The raw figures of the network, filling {@code byCentre} with each centre's. */
    Figures figures(YearFacts facts, Filter filter, Map<UUID, Figures> byCentre) {
        LocalDate from = LocalDate.of(facts.year(), 1, 1);
        LocalDate to = LocalDate.of(facts.year(), 12, 31);
        Predicate<PatientSummary> include = p -> filter.accepts(p, to, facts.regimens());
        List<PatientSummary> cohort = facts.everyone().stream().filter(include).toList();
        Map<UUID, CohortOutcomes.PatientBleeds> bleeds = new HashMap<>();
        Map<UUID, CentreMeasures.Measured> measured = new HashMap<>();
        for (PatientSummary p : cohort) {
            PatientYears.Figures f = facts.patients().get(p.id());
            if (f != null && f.bleeds() != null) {
                bleeds.put(p.id(), f.bleeds());
            }
            if (f != null && f.measured() != null) {
                measured.put(p.id(), f.measured());
            }
        }
        CohortOutcomes.NetworkCohorts all = CohortOutcomes.summarise(from, to, cohort, bleeds, facts.regimens());
        Map<UUID, UUID> centreOf = new HashMap<>();
        cohort.forEach(p -> centreOf.put(p.id(), p.centreId()));
        Map<UUID, List<Double>> iuPerKg = new HashMap<>();
        List<Double> networkIu = new ArrayList<>();
        Map<UUID, BigDecimal> costs = new HashMap<>();
        for (ValueReport.PatientValue v : facts.values()) {
            UUID centre = centreOf.get(v.patientId());
            if (centre != null) {
                costs.put(v.patientId(), v.cost());
            }
            boolean factor = v.group() == ValueReport.RegimenGroup.PROPHYLAXIS_FACTOR
                    || v.group() == ValueReport.RegimenGroup.ON_DEMAND;
            if (centre == null
                    || !factor
                    || v.weightKg() == null
                    || v.weightKg().signum() <= 0) {
                continue;
            }
            double perKg = v.factorIu() / v.weightKg().doubleValue(); // one calendar year
            iuPerKg.computeIfAbsent(centre, k -> new ArrayList<>()).add(perKg);
            networkIu.add(perKg);
        }
        MoreMeasuresSource.Gathered gathered = more.gather(facts.more(), cohort, measured, costs, filter.isEmpty());
        all.centres()
                .forEach((centre, c) -> byCentre.put(
                        centre, new Figures(c, iuPerKg.getOrDefault(centre, List.of()), gathered.of(centre))));
        return new Figures(all.network(), networkIu, gathered.network());
    }

    private static Row row(
            @Nullable UUID centreId,
            String name,
            Figures f,
            @Nullable DisclosureControl control,
            boolean hiddenBySecondarySuppression) {
        CentreCohort.Distribution abr = f.cohort().all();
        String star = DisclosureControl.SUPPRESSED;
        int n = abr.n();
        List<Double> iu = f.iuPerKgPerYear().stream().sorted().toList();
        String iuMedian = iu.isEmpty() ? "–" : whole(median(iu));
        String zero = f.zeroBleedProportion() == null ? "–" : proportion(f.zeroBleedProportion());
        String withDiary = f.withDiaryProportion() == null ? "–" : proportion(f.withDiaryProportion());
        if (control == null) {
            return new Row(
                    centreId,
                    name,
                    false,
                    Integer.toString(f.cohort().patients()),
                    Integer.toString(n),
                    text(abr.median()),
                    List.of(text(abr.q1()), text(abr.q3())),
                    zero,
                    iuMedian,
                    withDiary,
                    f.more().shown(null));
        }
        if (hiddenBySecondarySuppression) {
            return new Row(
                    centreId,
                    name,
                    true,
                    star,
                    star,
                    star,
                    List.of(star, star),
                    star,
                    star,
                    star,
                    MoreMeasures.hidden());
        }
        return new Row(
                centreId,
                name,
                true,
                control.count(f.cohort().patients()),
                control.count(n),
                statistic(control, abr.median(), n),
                List.of(statistic(control, abr.q1(), n), statistic(control, abr.q3(), n)),
                f.zeroBleedProportion() == null ? "–" : control.statistic(zero, n),
                iu.isEmpty() ? "–" : control.statistic(iuMedian, iu.size()),
                f.withDiaryProportion() == null
                        ? "–"
                        : control.statistic(withDiary, f.cohort().patients()),
                f.more().shown(control));
    }

    private static String statistic(DisclosureControl control, @Nullable BigDecimal value, int n) {
        return value == null ? "–" : control.statistic(value.toPlainString(), n);
    }

    private static String text(@Nullable BigDecimal value) {
        return value == null ? "–" : value.toPlainString();
    }

    static String proportion(double p) {
        return BigDecimal.valueOf(p).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    private static String whole(double v) {
        return BigDecimal.valueOf(v).setScale(0, RoundingMode.HALF_UP).toPlainString();
    }

    /** Hyndman–Fan type 7 median of sorted values. */
    static double median(List<Double> sorted) {
        double h = (sorted.size() - 1) * 0.5;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.size() - 1);
        return sorted.get(lo) + (h - lo) * (sorted.get(hi) - sorted.get(lo));
    }
}
