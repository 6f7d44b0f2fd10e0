package org.hemonet.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.hemonet.centre.CentreType;
import org.hemonet.centre.NewCentre;
import org.hemonet.centre.TeamRole;
import org.hemonet.identity.NewAccount;
import org.hemonet.identity.Role;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.NewPatient;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.Sex;
import org.jspecify.annotations.Nullable;

/**
 * The synthetic network as plain data: a pure function of the seed and of "today", so the same inputs always give the
 * same network (ids included). Nothing here touches the database.
 *
 * <p>Mix (issue 2): 4 regions, 2 comprehensive care centres and 2 haemophilia centres, 72 patients — haemophilia A ≈ 5×
 * B, about a third severe, a few with inhibitors, women carriers, von Willebrand disease and rare deficiencies — with
 * 12 months of weights, baseline levels and Bethesda results.
 */
public final class DemoNetworkPlan {

    public static final String DEMO_PASSWORD = "Hemonet-demo-2026!";
    public static final String DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXP";

    public record RegionPlan(UUID id, String code, String name, int year, long population) {}

    public record TeamMemberPlan(UUID id, UUID centreId, TeamRole role, String name) {}

    public record AccountPlan(UUID id, NewAccount account) {}

    public record WeightPlan(UUID patientId, LocalDate measuredOn, BigDecimal weightKg) {}

    public record Login(String username, String description) {}

    /** Registry details of one demo patient (issue 4), loaded after the patients. */
    public record DetailsPlan(UUID centreId, PatientRegistry.LoadedDetails details) {}

    private static final String[] MALE_NAMES = {
        "James", "Oliver", "Harry", "Jack", "George", "Noah", "Charlie", "Jacob", "Alfie", "Freddie", "Oscar", "Leo",
        "Arthur", "Henry", "Theo", "Mohammed", "Ethan", "Isaac", "Joshua", "Daniel", "Samuel", "Adam", "Ryan", "Lewis",
        "Kieran", "Owen", "Rhys", "Callum", "Aaron", "Marcus"
    };
    private static final String[] FEMALE_NAMES = {
        "Olivia",
        "Amelia",
        "Isla",
        "Ava",
        "Mia",
        "Ivy",
        "Lily",
        "Isabella",
        "Rosie",
        "Sophia",
        "Grace",
        "Freya",
        "Hannah",
        "Priya",
        "Chloe",
        "Zara",
        "Ellie",
        "Megan",
        "Niamh",
        "Aisha"
    };
    private static final String[] FAMILY_NAMES = {
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
        "Begum"
    };

    private final Random random;
    private final LocalDate today;
    private final UUID networkId;
    private final List<RegionPlan> regions = new ArrayList<>();
    private final List<NewCentre> centres = new ArrayList<>();
    private final List<TeamMemberPlan> team = new ArrayList<>();
    private final List<AccountPlan> accounts = new ArrayList<>();
    private final List<NewPatient> patients = new ArrayList<>();
    private final List<WeightPlan> weights = new ArrayList<>();
    private final List<Login> logins = new ArrayList<>();
    private final List<DetailsPlan> details = new ArrayList<>();
    private final Map<String, UUID> centreByCode = new LinkedHashMap<>();

    private DemoNetworkPlan(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
        this.networkId = nextId();
        build();
        addRegistryDetails(new Random(seed ^ 0x5EED_4L));
    }

    public static DemoNetworkPlan generate(long seed, LocalDate today) {
        return new DemoNetworkPlan(seed, today);
    }

    private UUID nextId() {
        long most = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long least = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    private void build() {
        RegionPlan northWest = region("NW", "North West", 7_520_000);
        RegionPlan southEast = region("SE", "South East", 9_380_000);
        RegionPlan east = region("EE", "East of England", 6_400_000);
        RegionPlan southWest = region("SW", "South West", 5_760_000);

        UUID north = centre(
                "NORTH",
                "North Comprehensive Care Centre",
                CentreType.COMPREHENSIVE_CARE_CENTRE,
                northWest,
                "0161 496 0000",
                "Consultant haematologist on call 24/7 via switchboard",
                true,
                "Full coagulation laboratory: factor assays, Bethesda (Nijmegen), VWF panel, genetics referral",
                true,
                List.of(
                        TeamRole.HAEMATOLOGIST,
                        TeamRole.HAEMATOLOGIST,
                        TeamRole.NURSE_COORDINATOR,
                        TeamRole.PHYSIOTHERAPIST,
                        TeamRole.SOCIAL_WORKER,
                        TeamRole.LABORATORY_SCIENTIST,
                        TeamRole.PSYCHOLOGIST));
        UUID south = centre(
                "SOUTH",
                "South Comprehensive Care Centre",
                CentreType.COMPREHENSIVE_CARE_CENTRE,
                southEast,
                "01632 960000",
                "Haematology registrar first on call, consultant second on call",
                true,
                "Coagulation laboratory: factor assays, Bethesda, VWF activity",
                true,
                List.of(
                        TeamRole.HAEMATOLOGIST,
                        TeamRole.NURSE_COORDINATOR,
                        TeamRole.NURSE_COORDINATOR,
                        TeamRole.PHYSIOTHERAPIST,
                        TeamRole.SOCIAL_WORKER,
                        TeamRole.LABORATORY_SCIENTIST));
        UUID eastCentre = centre(
                "EAST",
                "East Haemophilia Centre",
                CentreType.HAEMOPHILIA_CENTRE,
                east,
                "01223 496000",
                "Daytime cover; out of hours via North Comprehensive Care Centre",
                true,
                "Factor assays; inhibitor screening sent to North",
                false,
                List.of(TeamRole.HAEMATOLOGIST, TeamRole.NURSE_COORDINATOR, TeamRole.PHYSIOTHERAPIST));
        UUID westCentre = centre(
                "WEST",
                "West Haemophilia Centre",
                CentreType.HAEMOPHILIA_CENTRE,
                southWest,
                "0117 496 0000",
                "Consultant on call 24/7",
                false,
                null,
                true,
                List.of(TeamRole.HAEMATOLOGIST, TeamRole.NURSE_COORDINATOR));

        staff("admin", "Network Administrator", Role.ADMIN, Set.of(), "administrator (accounts and centres)");
        staff(
                "clinician.north",
                "Dr Anna Whitfield",
                Role.CLINICIAN,
                Set.of(north),
                "haematologist, North Comprehensive Care Centre");
        staff("nurse.north", "Grace Morgan", Role.NURSE, Set.of(north), "nurse coordinator, North");
        staff("physio.north", "Ben Carter", Role.PHYSIO, Set.of(north), "physiotherapist, North");
        staff(
                "clinician.south",
                "Dr Rahul Mehta",
                Role.CLINICIAN,
                Set.of(south),
                "haematologist, South Comprehensive Care Centre");
        staff("clinician.east", "Dr Fiona Reid", Role.CLINICIAN, Set.of(eastCentre), "haematologist, East");
        staff("analyst", "Network Analyst", Role.NETWORK_ANALYST, Set.of(), "network analyst (aggregates only)");
        staff("commissioner", "Commissioner", Role.COMMISSIONER, Set.of(), "commissioner (aggregates only)");

        // The named demo patients first, so their ids do not depend on the rest of the mix.
        UUID tom = patient(
                north,
                northWest,
                "Tom",
                "Bradley",
                today.minusYears(34).minusDays(97),
                Sex.MALE,
                DiagnosisType.HEMOPHILIA_A,
                null,
                new BigDecimal("0.5"),
                false,
                negativeScreens());
        account("patient.tom", "Tom Bradley", Map.of(tom, "SELF"), "adult, severe haemophilia A on prophylaxis, North");
        UUID leo = patient(
                south,
                southEast,
                "Leo",
                "Okafor",
                today.minusYears(8).minusDays(40),
                Sex.MALE,
                DiagnosisType.HEMOPHILIA_A,
                null,
                new BigDecimal("0.4"),
                false,
                negativeScreens());
        UUID sam = patient(
                south,
                southEast,
                "Sam",
                "Okafor",
                today.minusYears(13).minusDays(200),
                Sex.MALE,
                DiagnosisType.HEMOPHILIA_A,
                null,
                new BigDecimal("3"),
                false,
                List.of());
        Map<UUID, String> children = new LinkedHashMap<>();
        children.put(leo, "GUARDIAN");
        children.put(sam, "GUARDIAN");
        account("parent.sara", "Sara Okafor", children, "parent of Leo (8) and Sam (13), South");

        int[] perCentre = {26, 22, 11, 10};
        UUID[] centreIds = {north, south, eastCentre, westCentre};
        RegionPlan[] home = {northWest, southEast, east, southWest};
        for (int c = 0; c < centreIds.length; c++) {
            int already = c == 0 ? 1 : c == 1 ? 2 : 0;
            for (int i = already; i < perCentre[c]; i++) {
                RegionPlan region = random.nextInt(10) < 8 ? home[c] : home[random.nextInt(home.length)];
                randomPatient(centreIds[c], region);
            }
        }
        // Last, so that adding it moves no other demo id: the home-delivery courier serving North and South.
        staff(
                "courier",
                "Swift Home Deliveries",
                Role.DELIVERY_PROVIDER,
                Set.of(north, south),
                "home-delivery courier for North and South (sees no clinical data)");
    }

    private RegionPlan region(String code, String name, long population) {
        RegionPlan region = new RegionPlan(nextId(), code, name, 2022, population);
        regions.add(region);
        return region;
    }

    private UUID centre(
            String code,
            String name,
            CentreType type,
            RegionPlan region,
            String phone,
            String onCall,
            boolean lab,
            @Nullable String labCapability,
            boolean cover24h,
            List<TeamRole> roster) {
        UUID id = nextId();
        centreByCode.put(code, id);
        centres.add(new NewCentre(
                id, code, name, type, region.id(), networkId, phone, onCall, lab, labCapability, cover24h));
        for (TeamRole role : roster) {
            String given = random.nextBoolean() ? pick(MALE_NAMES) : pick(FEMALE_NAMES);
            String title = role == TeamRole.HAEMATOLOGIST ? "Dr " : "";
            team.add(new TeamMemberPlan(nextId(), id, role, title + given + " " + pick(FAMILY_NAMES)));
        }
        return id;
    }

    private void staff(String username, String displayName, Role role, Set<UUID> centreIds, String description) {
        accounts.add(new AccountPlan(
                nextId(),
                new NewAccount(username, displayName, role, DEMO_PASSWORD, centreIds, Map.of(), DEMO_TOTP_SECRET)));
        logins.add(new Login(username, description));
    }

    private void account(String username, String displayName, Map<UUID, String> held, String description) {
        accounts.add(new AccountPlan(
                nextId(), new NewAccount(username, displayName, Role.PATIENT, DEMO_PASSWORD, Set.of(), held, null)));
        logins.add(new Login(username, description));
    }

    private void randomPatient(UUID centreId, RegionPlan region) {
        int kind = random.nextInt(100);
        Sex sex = Sex.MALE;
        DiagnosisType diagnosis;
        String subtype = null;
        BigDecimal level;
        boolean phenotype = false;
        if (kind < 62) {
            diagnosis = DiagnosisType.HEMOPHILIA_A;
            level = hemophiliaLevel();
        } else if (kind < 74) {
            diagnosis = DiagnosisType.HEMOPHILIA_B;
            level = hemophiliaLevel();
        } else if (kind < 82) {
            sex = Sex.FEMALE;
            diagnosis = random.nextInt(5) == 0 ? DiagnosisType.HEMOPHILIA_B : DiagnosisType.HEMOPHILIA_A;
            level = random.nextInt(3) == 0
                    ? BigDecimal.valueOf(15 + random.nextInt(24))
                    : BigDecimal.valueOf(40 + random.nextInt(45));
            phenotype = random.nextBoolean();
        } else if (kind < 94) {
            diagnosis = DiagnosisType.VON_WILLEBRAND_DISEASE;
            String[] types = {"1", "1", "1", "2A", "2B", "2M", "2N", "3"};
            subtype = types[random.nextInt(types.length)];
            level = BigDecimal.valueOf(5 + random.nextInt(35));
            sex = random.nextBoolean() ? Sex.FEMALE : Sex.MALE;
        } else {
            diagnosis = random.nextBoolean() ? DiagnosisType.FACTOR_VII_DEFICIENCY : DiagnosisType.FACTOR_XI_DEFICIENCY;
            level = BigDecimal.valueOf(2 + random.nextInt(30));
            sex = random.nextBoolean() ? Sex.FEMALE : Sex.MALE;
        }
        int age = 2 + random.nextInt(70);
        LocalDate born = today.minusYears(age).minusDays(random.nextInt(365));
        String given = sex == Sex.MALE ? pick(MALE_NAMES) : pick(FEMALE_NAMES);
        boolean severe = diagnosis.isHemophilia() && level.compareTo(BigDecimal.ONE) < 0;
        List<NewPatient.BethesdaAssay> tests = new ArrayList<>();
        if (severe && diagnosis == DiagnosisType.HEMOPHILIA_A) {
            boolean inhibitor = random.nextInt(6) == 0;
            tests.add(new NewPatient.BethesdaAssay(
                    today.minusMonths(11).minusDays(random.nextInt(20)),
                    inhibitor ? new BigDecimal("38.5") : new BigDecimal("74.0"),
                    inhibitor ? BigDecimal.valueOf(random.nextBoolean() ? 8 : 1) : BigDecimal.ONE));
            tests.add(new NewPatient.BethesdaAssay(
                    today.minusMonths(2).minusDays(random.nextInt(20)),
                    inhibitor ? new BigDecimal("50.3") : new BigDecimal("74.0"),
                    inhibitor ? BigDecimal.valueOf(2) : BigDecimal.ONE));
        }
        patient(centreId, region, given, pick(FAMILY_NAMES), born, sex, diagnosis, subtype, level, phenotype, tests);
    }

    /** Two negative Bethesda screens in the year (75 % residual activity, undiluted: 0.42 BU, below 0.6). */
    private List<NewPatient.BethesdaAssay> negativeScreens() {
        return List.of(
                new NewPatient.BethesdaAssay(today.minusMonths(10), new BigDecimal("75.0"), BigDecimal.ONE),
                new NewPatient.BethesdaAssay(today.minusMonths(4), new BigDecimal("75.0"), BigDecimal.ONE));
    }

    /** Severity mix for haemophilia: roughly 45 % severe, 15 % moderate, 40 % mild (registry-like). */
    private BigDecimal hemophiliaLevel() {
        int band = random.nextInt(100);
        if (band < 45) {
            return BigDecimal.valueOf(1 + random.nextInt(9), 1);
        }
        if (band < 60) {
            return BigDecimal.valueOf(1 + random.nextInt(5));
        }
        return BigDecimal.valueOf(6 + random.nextInt(34));
    }

    private UUID patient(
            UUID centreId,
            RegionPlan region,
            String given,
            String family,
            LocalDate born,
            Sex sex,
            DiagnosisType diagnosis,
            @Nullable String subtype,
            BigDecimal level,
            boolean phenotype,
            List<NewPatient.BethesdaAssay> tests) {
        UUID id = nextId();
        List<WeightPlan> history = weightHistory(id, born, sex);
        WeightPlan first = history.get(0);
        patients.add(new NewPatient(
                id,
                centreId,
                given,
                family,
                born,
                sex,
                "NHS",
                NhsNumbers.next(random),
                region.id(),
                diagnosis,
                subtype,
                phenotype,
                level,
                born.plusMonths(6).isBefore(today.minusYears(1)) ? born.plusMonths(6) : today.minusYears(1),
                first.weightKg(),
                first.measuredOn(),
                tests,
                null));
        weights.addAll(history.subList(1, history.size()));
        return id;
    }

    /** Four clinic weights over the last 12 months; children grow, adults drift. */
    private List<WeightPlan> weightHistory(UUID patientId, LocalDate born, Sex sex) {
        List<WeightPlan> history = new ArrayList<>();
        double build = random.nextGaussian() * 9;
        for (int quarter = 0; quarter < 4; quarter++) {
            LocalDate on = today.minusMonths(12 - 3L * quarter).plusDays(random.nextInt(14));
            double years = (on.toEpochDay() - born.toEpochDay()) / 365.25;
            double kg = years < 18
                    ? 3.5 + 3.2 * years + (years > 10 ? 2.2 * (years - 10) : 0)
                    : Math.max(45, (sex == Sex.MALE ? 82 : 68) + build) + random.nextGaussian() * 1.5;
            history.add(new WeightPlan(patientId, on, BigDecimal.valueOf(kg).setScale(1, RoundingMode.HALF_UP)));
        }
        return history;
    }

    /**
     * Registry details (issue 4) from a random stream of their own, so that the patients above stay as they were:
     * medical record numbers, genotypes, infection and vCJD-risk status, consents, a named care team, guardians for
     * children, a family link, one ITI episode and shared care between the West and South centres.
     */
    private void addRegistryDetails(Random extra) {
        UUID west = centreByCode.get("WEST");
        UUID south = centreByCode.get("SOUTH");
        Map<UUID, List<TeamMemberPlan>> rosters = new LinkedHashMap<>();
        team.forEach(m ->
                rosters.computeIfAbsent(m.centreId(), k -> new ArrayList<>()).add(m));
        NewPatient previous = null;
        int sharedWithSouth = 0;
        for (NewPatient p : patients) {
            int age = java.time.Period.between(p.dateOfBirth(), today).getYears();
            boolean severeA = p.diagnosis() == DiagnosisType.HEMOPHILIA_A
                    && p.baselineLevelIuPerDl() != null
                    && p.baselineLevelIuPerDl().compareTo(BigDecimal.ONE) < 0;
            String hgvs = null;
            String mutationClass = null;
            if (p.diagnosis() == DiagnosisType.HEMOPHILIA_A) {
                if (severeA && extra.nextInt(2) == 0) {
                    hgvs = "F8 intron 22 inversion (Inv22)";
                    mutationClass = "Intron 22 inversion";
                } else {
                    hgvs = "F8:c." + (1000 + extra.nextInt(5000)) + "C>T";
                    mutationClass = severeA ? "Nonsense" : "Missense";
                }
            } else if (p.diagnosis() == DiagnosisType.HEMOPHILIA_B) {
                hgvs = "F9:c." + (100 + extra.nextInt(1300)) + "G>A";
                mutationClass = "Missense";
            }
            // born before 1992 and treated with plasma products: the cohort with HCV/HIV and vCJD-risk notifications
            boolean olderCohort =
                    p.dateOfBirth().getYear() < 1985 && p.diagnosis().isHemophilia();
            String hcv = olderCohort ? (extra.nextBoolean() ? "CLEARED" : "NEGATIVE") : "NEGATIVE";
            String hiv = olderCohort && extra.nextInt(8) == 0 ? "POSITIVE" : "NEGATIVE";
            boolean vcjd = olderCohort && extra.nextInt(3) > 0;
            List<org.hemonet.patient.ConsentKind> consents = extra.nextInt(4) == 0
                    ? List.of(org.hemonet.patient.ConsentKind.REGISTRY)
                    : List.of(
                            org.hemonet.patient.ConsentKind.REGISTRY,
                            org.hemonet.patient.ConsentKind.RESEARCH,
                            org.hemonet.patient.ConsentKind.DATA_SHARING);
            Map<String, String> careTeam = new LinkedHashMap<>();
            for (TeamMemberPlan member : rosters.getOrDefault(p.centreId(), List.of())) {
                if (member.role().isCore()
                        && !careTeam.containsKey(member.role().name())) {
                    careTeam.put(member.role().name(), member.name());
                }
            }
            Set<UUID> shared = Set.of();
            if (p.centreId().equals(west) && sharedWithSouth < 2) {
                shared = Set.of(south);
                sharedWithSouth++;
            }
            UUID relative = null;
            String relationship = null;
            if (previous != null
                    && previous.centreId().equals(p.centreId())
                    && previous.familyName().equals(p.familyName())) {
                relative = previous.id();
                relationship = "relative";
            }
            if (p.familyName().equals("Okafor") && p.givenName().equals("Sam")) {
                relative = patients.get(1).id();
                relationship = "brother";
            }
            details.add(new DetailsPlan(
                    p.centreId(),
                    new PatientRegistry.LoadedDetails(
                            p.id(),
                            shared,
                            String.format("MRN%07d", extra.nextInt(10_000_000)),
                            hgvs,
                            mutationClass,
                            hiv,
                            olderCohort ? "IMMUNISED" : "NEGATIVE",
                            hcv,
                            vcjd,
                            consents,
                            today.minusYears(1).minusDays(extra.nextInt(300)),
                            careTeam,
                            age < 16 ? FEMALE_NAMES[extra.nextInt(FEMALE_NAMES.length)] + " " + p.familyName() : null,
                            relative,
                            relationship,
                            severeA
                                            && !p.inhibitorTests().isEmpty()
                                            && p.inhibitorTests()
                                                            .get(0)
                                                            .residualActivityPercent()
                                                            .compareTo(new BigDecimal("50"))
                                                    < 0
                                    ? today.minusMonths(9)
                                    : null)));
            previous = p;
        }
    }

    private String pick(String[] names) {
        return names[random.nextInt(names.length)];
    }

    public UUID networkId() {
        return networkId;
    }

    public List<RegionPlan> regions() {
        return List.copyOf(regions);
    }

    public List<NewCentre> centres() {
        return List.copyOf(centres);
    }

    public List<TeamMemberPlan> team() {
        return List.copyOf(team);
    }

    public List<AccountPlan> accounts() {
        return List.copyOf(accounts);
    }

    public List<NewPatient> patients() {
        return List.copyOf(patients);
    }

    public List<WeightPlan> weights() {
        return List.copyOf(weights);
    }

    public List<DetailsPlan> details() {
        return List.copyOf(details);
    }

    public List<Login> logins() {
        return List.copyOf(logins);
    }
}
