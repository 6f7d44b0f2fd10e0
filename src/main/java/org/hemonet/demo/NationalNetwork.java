package org.hemonet.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.hemonet.centre.CentreType;
import org.hemonet.centre.NewCentre;
import org.hemonet.centre.TeamRole;
import org.hemonet.product.NewProduct;

/**
 * The synthetic national network of {@code generate} (issue 14) as plain data, a pure function of the seed, the size and
 * "today": 10 regions with their 2022 populations (the 10 most populous of {@code demo/uk-regions-2022.csv}), 60
 * centres shared out by population, 18 of them comprehensive care centres, their teams and staff logins, the demo
 * product catalogue with a batch of every product received every 6–10 weeks over the years, and for each patient
 * index the centre they belong to. Patients' own rows come from {@link NationalHistory}.
 */
final class NationalNetwork {

    static final int REGIONS = 10;
    static final int CENTRES = 60;
    static final int COMPREHENSIVE = 18;
    static final String DEMO_PASSWORD = DemoNetworkPlan.DEMO_PASSWORD;

    record RegionRow(UUID id, String code, String name, long population) {}

    record CentreRow(NewCentre centre, String code, RegionRow region, double weight, String haematologist) {}

    record TeamRow(UUID id, UUID centreId, TeamRole role, String name) {}

    record BatchRow(
            UUID id,
            UUID productId,
            String number,
            LocalDate receivedOn,
            LocalDate expiresOn,
            int vials,
            int unitsPerVial) {}

    private static final Map<String, String> REGION_CODES = Map.ofEntries(
            Map.entry("North East", "NE"),
            Map.entry("North West", "NW"),
            Map.entry("Yorkshire and the Humber", "YH"),
            Map.entry("East Midlands", "EM"),
            Map.entry("West Midlands", "WM"),
            Map.entry("East of England", "EE"),
            Map.entry("London", "LN"),
            Map.entry("South East", "SE"),
            Map.entry("South West", "SW"),
            Map.entry("Wales", "WA"),
            Map.entry("Scotland", "SC"),
            Map.entry("Northern Ireland", "NI"));

    private final long seed;
    private final int patients;
    private final int years;
    private final LocalDate today;
    private final UUID networkId;
    private final List<RegionRow> regions = new ArrayList<>();
    private final List<CentreRow> centres = new ArrayList<>();
    private final List<TeamRow> team = new ArrayList<>();
    private final List<BatchRow> batches = new ArrayList<>();
    private final double[] cumulativeWeight;
    private final Map<UUID, List<BatchRow>> batchesByProduct = new java.util.HashMap<>();

    NationalNetwork(long seed, int patients, int years, LocalDate today) {
        this.seed = seed;
        this.patients = patients;
        this.years = years;
        this.today = today;
        SplittableRandom random = new SplittableRandom(seed);
        this.networkId = id(random);
        buildRegions(random);
        buildCentres(random);
        buildBatches(new SplittableRandom(seed ^ 0xba7c_4e5L));
        batches.forEach(b -> batchesByProduct
                .computeIfAbsent(b.productId(), k -> new ArrayList<>())
                .add(b));
        cumulativeWeight = new double[centres.size()];
        double sum = 0;
        for (int i = 0; i < centres.size(); i++) {
            sum += centres.get(i).weight();
            cumulativeWeight[i] = sum;
        }
    }

    long seed() {
        return seed;
    }

    int patients() {
        return patients;
    }

    int years() {
        return years;
    }

    LocalDate today() {
        return today;
    }

    UUID networkId() {
        return networkId;
    }

    List<RegionRow> regions() {
        return List.copyOf(regions);
    }

    List<CentreRow> centres() {
        return List.copyOf(centres);
    }

    List<TeamRow> team() {
        return List.copyOf(team);
    }

    List<BatchRow> batches() {
        return List.copyOf(batches);
    }

    static List<NewProduct> products() {
        return DemoCatalogue.products();
    }

    /** The batches of a product, oldest first. */
    List<BatchRow> batchesOf(UUID productId) {
        return batchesByProduct.getOrDefault(productId, List.of());
    }

    /** The centre of patient {@code index}: regions by population, a comprehensive centre counting four times. */
    CentreRow centreOf(SplittableRandom random) {
        double draw = random.nextDouble() * cumulativeWeight[cumulativeWeight.length - 1];
        for (int i = 0; i < cumulativeWeight.length; i++) {
            if (draw < cumulativeWeight[i]) {
                return centres.get(i);
            }
        }
        return centres.get(centres.size() - 1);
    }

    /** A random stream of patient {@code index}'s own: patients do not depend on one another. */
    SplittableRandom patientRandom(int index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 17);
    }

    static UUID id(SplittableRandom random) {
        long most = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long least = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    private void buildRegions(SplittableRandom random) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = NationalNetwork.class.getResourceAsStream("/demo/uk-regions-2022.csv")) {
            if (in == null) {
                throw new IllegalStateException("demo/uk-regions-2022.csv is missing from the classpath");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", 3));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows.stream()
                .sorted(Comparator.comparingLong((String[] r) -> Long.parseLong(r[1]))
                        .reversed())
                .limit(REGIONS)
                .sorted(Comparator.comparing((String[] r) -> r[0]))
                .forEach(r -> regions.add(new RegionRow(
                        id(random),
                        REGION_CODES.getOrDefault(r[0], r[0].substring(0, 2).toUpperCase()),
                        r[0],
                        Long.parseLong(r[1]))));
    }

    /** Largest remainder: {@code total} shared out in proportion to the populations, at least {@code min} each. */
    private int[] share(int total, int min) {
        long population = regions.stream().mapToLong(RegionRow::population).sum();
        int[] counts = new int[regions.size()];
        double[] remainders = new double[regions.size()];
        int left = total - min * regions.size();
        int given = 0;
        for (int i = 0; i < regions.size(); i++) {
            double exact = (double) left * regions.get(i).population() / population;
            counts[i] = min + (int) exact;
            remainders[i] = exact - (int) exact;
            given += counts[i];
        }
        while (given < total) {
            int best = 0;
            for (int i = 1; i < remainders.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            counts[best]++;
            remainders[best] = -1;
            given++;
        }
        return counts;
    }

    private void buildCentres(SplittableRandom random) {
        int[] perRegion = share(CENTRES, 2);
        int[] comprehensive = share(COMPREHENSIVE, 1);
        long population = regions.stream().mapToLong(RegionRow::population).sum();
        for (int r = 0; r < regions.size(); r++) {
            RegionRow region = regions.get(r);
            int cccs = Math.min(comprehensive[r], perRegion[r] - 1);
            // a comprehensive centre sees about four times the patients of a haemophilia centre
            double units = cccs * 4.0 + (perRegion[r] - cccs);
            double regionShare = (double) region.population() / population;
            for (int c = 0; c < perRegion[r]; c++) {
                boolean ccc = c < cccs;
                String code = region.code() + String.format("%02d", c + 1);
                String name =
                        region.name() + " " + (ccc ? "Comprehensive Care Centre " : "Haemophilia Centre ") + (c + 1);
                UUID id = id(random);
                NewCentre centre = new NewCentre(
                        id,
                        code,
                        name,
                        ccc ? CentreType.COMPREHENSIVE_CARE_CENTRE : CentreType.HAEMOPHILIA_CENTRE,
                        region.id(),
                        networkId,
                        String.format("0%d %03d %04d", 113 + r * 10, 496, c),
                        ccc
                                ? "Consultant haematologist on call 24/7 via switchboard"
                                : "Daytime cover; out of hours via the region's comprehensive care centre",
                        true,
                        ccc ? "Factor assays, Bethesda (Nijmegen), VWF panel" : "Factor assays",
                        ccc);
                String haematologist = "Dr " + pick(random, GIVEN) + " " + pick(random, FAMILY);
                centres.add(new CentreRow(centre, code, region, regionShare * (ccc ? 4 : 1) / units, haematologist));
                team.add(new TeamRow(id(random), id, TeamRole.HAEMATOLOGIST, haematologist));
                for (TeamRole role : ccc ? CCC_ROSTER : HC_ROSTER) {
                    String title = role == TeamRole.HAEMATOLOGIST ? "Dr " : "";
                    team.add(new TeamRow(
                            id(random), id, role, title + pick(random, GIVEN) + " " + pick(random, FAMILY)));
                }
            }
        }
    }

    private void buildBatches(SplittableRandom random) {
        LocalDate first = today.minusYears(years).minusDays(90);
        for (NewProduct product : products()) {
            String prefix = product.brandName()
                    .replaceAll("[^A-Za-z]", "")
                    .substring(0, 3)
                    .toUpperCase();
            LocalDate received = first;
            int n = 0;
            while (!received.isAfter(today.minusDays(7))) {
                int size = product.vialSizes()
                        .get(random.nextInt(product.vialSizes().size()));
                batches.add(new BatchRow(
                        id(random),
                        product.id(),
                        String.format(
                                "%s-%02d%c%03d",
                                prefix, received.getYear() % 100, (char) ('A' + n % 26), random.nextInt(1000)),
                        received,
                        received.plusDays(730 + random.nextInt(365)),
                        2000 + random.nextInt(8000),
                        size));
                received = received.plusDays(42 + random.nextInt(28));
                n++;
            }
        }
    }

    static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static final List<TeamRole> CCC_ROSTER = List.of(
            TeamRole.HAEMATOLOGIST,
            TeamRole.NURSE_COORDINATOR,
            TeamRole.NURSE_COORDINATOR,
            TeamRole.PHYSIOTHERAPIST,
            TeamRole.SOCIAL_WORKER,
            TeamRole.LABORATORY_SCIENTIST,
            TeamRole.PSYCHOLOGIST);
    private static final List<TeamRole> HC_ROSTER =
            List.of(TeamRole.NURSE_COORDINATOR, TeamRole.PHYSIOTHERAPIST, TeamRole.LABORATORY_SCIENTIST);

    static final String[] GIVEN = {
        "James",
        "Oliver",
        "Harry",
        "Jack",
        "George",
        "Noah",
        "Charlie",
        "Jacob",
        "Alfie",
        "Freddie",
        "Oscar",
        "Leo",
        "Arthur",
        "Henry",
        "Theo",
        "Mohammed",
        "Ethan",
        "Isaac",
        "Joshua",
        "Daniel",
        "Samuel",
        "Adam",
        "Ryan",
        "Lewis",
        "Olivia",
        "Amelia",
        "Isla",
        "Ava",
        "Mia",
        "Ivy",
        "Lily",
        "Grace",
        "Freya",
        "Hannah",
        "Priya",
        "Zara",
        "Megan"
    };
    static final String[] MALE = {
        "James", "Oliver", "Harry", "Jack", "George", "Noah", "Charlie", "Jacob", "Alfie", "Freddie", "Oscar", "Leo",
        "Arthur", "Henry", "Theo", "Mohammed", "Ethan", "Isaac", "Joshua", "Daniel", "Samuel", "Adam", "Ryan", "Lewis",
        "Kieran", "Owen", "Rhys", "Callum", "Aaron", "Marcus", "Thomas", "William", "Finley", "Archie", "Logan"
    };
    static final String[] FEMALE = {
        "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia", "Grace", "Freya",
        "Hannah", "Priya", "Chloe", "Zara", "Ellie", "Megan", "Niamh", "Aisha", "Emily", "Poppy", "Evie", "Ruby"
    };
    static final String[] FAMILY = {
        "Smith",
        "Jones",
        "Taylor",
        "Brown",
        "Williams",
        "Wilson",
        "Johnson",
        "Davies",
        "Patel",
        "Robinson",
        "Wright",
        "Thompson",
        "Evans",
        "Walker",
        "White",
        "Roberts",
        "Green",
        "Hall",
        "Thomas",
        "Clarke",
        "Jackson",
        "Wood",
        "Harris",
        "Edwards",
        "Turner",
        "Martin",
        "Cooper",
        "Hill",
        "Ward",
        "Hughes",
        "Moore",
        "Khan",
        "Ahmed",
        "Ali",
        "Campbell",
        "Murphy",
        "Kelly",
        "O'Brien",
        "Shah",
        "Begum",
        "MacDonald",
        "Stewart",
        "Morgan",
        "Price",
        "Lewis"
    };
}
