package org.hemonet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.hemonet.centre.CentreType;
import org.hemonet.demo.NationalHistory.Band;
import org.hemonet.demo.NationalHistory.Summary;
import org.hemonet.demo.NationalHistory.Treatment;
import org.hemonet.patient.DiagnosisType;
import org.junit.jupiter.api.Test;

/** The synthetic national network of {@code generate} (issue 14), generated in memory: no database. */
class NationalNetworkTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    /** Hashes each table's rows as COPY would send them, and checks that nothing lies after "now". */
    static final class ChecksumSink implements RowSink {
        final Map<BulkTable, MessageDigest> digests = new EnumMap<>(BulkTable.class);
        final Map<BulkTable, Long> counts = new EnumMap<>(BulkTable.class);
        final StringBuilder line = new StringBuilder();
        Instant latest = Instant.MIN;

        @Override
        public void row(BulkTable table, Object... values) {
            line.setLength(0);
            RowSink.encode(line, table, values);
            for (Object value : values) {
                if (value instanceof Instant t && t.isAfter(latest)) {
                    latest = t;
                }
            }
            digests.computeIfAbsent(table, t -> sha256()).update(line.toString().getBytes(StandardCharsets.UTF_8));
            counts.merge(table, 1L, Long::sum);
        }

        Map<BulkTable, String> checksums() {
            Map<BulkTable, String> result = new EnumMap<>(BulkTable.class);
            digests.forEach((t, d) -> {
                try {
                    result.put(t, HexFormat.of().formatHex(((MessageDigest) d.clone()).digest()) + "/" + counts.get(t));
                } catch (CloneNotSupportedException e) {
                    throw new IllegalStateException(e);
                }
            });
            return result;
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<Summary> generate(long seed, int patients, int years, RowSink sink) {
        NationalNetwork network = new NationalNetwork(seed, patients, years, TODAY);
        network.batches()
                .forEach(b -> sink.row(
                        BulkTable.BATCH,
                        b.id(),
                        b.productId(),
                        b.number(),
                        b.expiresOn(),
                        b.vials(),
                        b.unitsPerVial(),
                        b.receivedOn()));
        List<Summary> result = new ArrayList<>();
        for (int i = 0; i < patients; i++) {
            result.add(NationalHistory.write(network, i, NOW, sink));
        }
        return result;
    }

    @Test
    void theSameSeedGivesTheSameRowsInEveryTableAndAnotherSeedOthers() {
        ChecksumSink first = new ChecksumSink();
        ChecksumSink second = new ChecksumSink();
        ChecksumSink other = new ChecksumSink();
        generate(1, 60, 2, first);
        generate(1, 60, 2, second);
        generate(2, 60, 2, other);

        assertThat(first.checksums()).containsOnlyKeys(BulkTable.values());
        assertThat(second.checksums()).isEqualTo(first.checksums());
        assertThat(other.checksums().get(BulkTable.INFUSION))
                .isNotEqualTo(first.checksums().get(BulkTable.INFUSION));
        assertThat(other.checksums().get(BulkTable.PATIENT))
                .isNotEqualTo(first.checksums().get(BulkTable.PATIENT));
    }

    @Test
    void nothingIsDatedAfterNow() {
        ChecksumSink sink = new ChecksumSink();
        generate(7, 200, 2, sink);
        assertThat(sink.latest).isBeforeOrEqualTo(NOW);
        assertThat(sink.counts.get(BulkTable.INFUSION)).isGreaterThan(1000);
    }

    @Test
    void tenRegionsSixtyCentresEighteenComprehensiveSharedOutByPopulation() {
        NationalNetwork network = new NationalNetwork(1, 8000, 10, TODAY);
        assertThat(network.regions()).hasSize(10);
        assertThat(network.regions())
                .extracting(NationalNetwork.RegionRow::name)
                .contains("London", "South East", "Scotland", "Wales")
                .doesNotContain("Northern Ireland", "North East");
        assertThat(network.centres()).hasSize(60);
        assertThat(network.centres())
                .filteredOn(c -> c.centre().type() == CentreType.COMPREHENSIVE_CARE_CENTRE)
                .hasSize(18);
        // the most populous region has the most centres
        Map<String, Long> perRegion = new java.util.HashMap<>();
        network.centres().forEach(c -> perRegion.merge(c.region().name(), 1L, Long::sum));
        assertThat(perRegion.get("South East")).isGreaterThan(perRegion.get("Wales"));
        assertThat(network.batches()).allSatisfy(b -> assertThat(b.expiresOn()).isAfter(b.receivedOn()));
    }

    @Test
    void aNationalCohortHasTheIssuesMixAndEveryComprehensiveCentreFortySeverePatients() {
        RowSink discard = (table, values) -> {};
        List<Summary> all = generate(1, 8000, 1, discard);

        long a = all.stream()
                .filter(s -> s.diagnosis() == DiagnosisType.HEMOPHILIA_A && s.band() != Band.OTHER)
                .count();
        long b = all.stream()
                .filter(s -> s.diagnosis() == DiagnosisType.HEMOPHILIA_B && s.band() != Band.OTHER)
                .count();
        assertThat((double) a / b).isBetween(4.2, 5.8);
        long hemophilia = a + b;
        long severe = all.stream().filter(s -> s.band() == Band.SEVERE).count();
        assertThat((double) severe / hemophilia).isBetween(0.31, 0.39);
        long severeA = all.stream()
                .filter(s -> s.band() == Band.SEVERE && s.diagnosis() == DiagnosisType.HEMOPHILIA_A)
                .count();
        long inhibitors = all.stream().filter(Summary::inhibitor).count();
        assertThat((double) inhibitors / severeA).isBetween(0.04, 0.08);
        assertThat(all)
                .filteredOn(s -> s.diagnosis() == DiagnosisType.VON_WILLEBRAND_DISEASE)
                .hasSizeGreaterThan(500);
        // carriers: women with a haemophilia diagnosis, no severity band
        assertThat(all)
                .filteredOn(s -> s.diagnosis().isHemophilia() && s.band() == Band.OTHER)
                .hasSizeGreaterThan(300);
        assertThat(all).filteredOn(s -> s.treatment() == Treatment.EMICIZUMAB).hasSizeGreaterThan(100);

        NationalNetwork network = new NationalNetwork(1, 8000, 1, TODAY);
        Map<java.util.UUID, Long> severeAt = new java.util.HashMap<>();
        all.stream().filter(s -> s.band() == Band.SEVERE).forEach(s -> severeAt.merge(s.centreId(), 1L, Long::sum));
        assertThat(network.centres())
                .filteredOn(c -> c.centre().type() == CentreType.COMPREHENSIVE_CARE_CENTRE)
                .allSatisfy(c -> assertThat(severeAt.getOrDefault(c.centre().id(), 0L))
                        .as(c.code())
                        .isGreaterThanOrEqualTo(40));
    }

    @Test
    void mostSeverePatientsOnFactorProphylaxisInfuseTwoToThreeTimesAWeek() {
        RowSink discard = (table, values) -> {};
        List<Summary> all = generate(3, 1500, 1, discard);
        // a year of diary (patients born over a year and a half ago, so the whole year is theirs)
        List<Double> perWeek = all.stream()
                .filter(s -> s.band() == Band.SEVERE && s.treatment() == Treatment.FACTOR_PROPHYLAXIS)
                .map(s -> (s.infusions() - 2.0 * s.bleeds()) / 52.0)
                .sorted()
                .toList();
        assertThat(perWeek).hasSizeGreaterThan(50);
        double median = perWeek.get(perWeek.size() / 2);
        assertThat(median).isBetween(1.8, 3.0);
        // mild patients treat on demand: far fewer infusions
        double mild = all.stream()
                .filter(s -> s.band() == Band.MILD)
                .mapToInt(Summary::infusions)
                .average()
                .orElseThrow();
        assertThat(mild).isLessThan(10);
    }

    @Test
    void copyTextFormatEscapesAndMarksNulls() {
        StringBuilder out = new StringBuilder();
        RowSink.encode(out, BulkTable.JOINT_SCORE_ITEM, new Object[] {"a\tb\\c\nd", null, List.of("X", "Y"), 3, true});
        assertThat(out).hasToString("a\\tb\\\\c\\nd\t\\N\t{X,Y}\t3\tt\n");
        StringBuilder time = new StringBuilder();
        RowSink.encode(time, BulkTable.JOINT_SCORE_ITEM, new Object[] {
            Instant.parse("2026-03-29T01:30:00Z"), new java.math.BigDecimal("1E+3"), false, 1, 2
        });
        assertThat(time.toString())
                .startsWith(Instant.parse("2026-03-29T01:30:00Z").atOffset(ZoneOffset.UTC) + "\t1000\tf\t");
    }

    @Test
    void badArgumentsAreNamed() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        assertThat(GenerateCommand.parse(List.of("--patients", "many"), out)).isNull();
        assertThat(GenerateCommand.parse(List.of("--years", "0"), out)).isNull();
        assertThat(GenerateCommand.parse(List.of("--colour", "red"), out)).isNull();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("--patients", "--years", "--colour");
        assertThat(GenerateCommand.parse(List.of("--patients=300", "--years", "2", "--seed", "9"), out))
                .isEqualTo(new GenerateCommand.Options(300, 2, 9));
    }
}
