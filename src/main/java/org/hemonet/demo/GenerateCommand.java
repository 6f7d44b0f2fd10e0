package org.hemonet.demo;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.demo.NationalHistory.Summary;
import org.hemonet.demo.NationalHistory.Treatment;
import org.hemonet.demo.NationalNetwork.CentreRow;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.identity.AccountPermissions;
import org.hemonet.identity.NewAccount;
import org.hemonet.identity.Permission;
import org.hemonet.identity.Role;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.shared.BulkDataLoaded;
import org.hemonet.shared.Command;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code java -jar hemonet.jar generate --patients 8000 --years 10 --seed 1} (issue 14): fills an empty database with
 * the synthetic national network ({@link NationalNetwork}, {@link NationalHistory}). Regions, centres, teams and
 * products go through their modules; the patients and their years of history are bulk-loaded with {@code COPY} in one
 * transaction ({@link CopyLoader}), with a progress bar on stderr; then the staff and patient logins
 * (docs/benchmarks.md) and a {@link BulkDataLoaded} event for the read models.
 */
@Component
class GenerateCommand implements Command {

    static final String NETWORK_NAME = "Synthetic National Haemophilia Network";

    private final CentreDirectory centres;
    private final ProductCatalogue catalogue;
    private final AccountAdministration accounts;
    private final AccountPermissions permissions;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GenerateCommand(
            CentreDirectory centres,
            ProductCatalogue catalogue,
            AccountAdministration accounts,
            AccountPermissions permissions,
            DataSource dataSource,
            TransactionTemplate transaction,
            ApplicationEventPublisher events,
            Clock clock) {
        this.centres = centres;
        this.catalogue = catalogue;
        this.accounts = accounts;
        this.permissions = permissions;
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String usage() {
        return "[--patients 8000] [--years 10] [--seed 1]  fill an empty database with a synthetic national network";
    }

    record Options(int patients, int years, long seed) {}

    /** The options, or {@code null} after printing which argument is wrong. */
    static Options parse(List<String> args, PrintStream out) {
        int patients = 8000;
        int years = 10;
        long seed = 1;
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            if (name.contains("=")) {
                value = name.substring(name.indexOf('=') + 1);
                name = name.substring(0, name.indexOf('='));
            } else {
                i++;
            }
            try {
                switch (name) {
                    case "--patients" -> patients = Integer.parseInt(String.valueOf(value));
                    case "--years" -> years = Integer.parseInt(String.valueOf(value));
                    case "--seed" -> seed = Long.parseLong(String.valueOf(value));
                    default -> {
                        out.println("generate: unknown argument " + name);
                        return null;
                    }
                }
            } catch (NumberFormatException e) {
                out.println("generate: " + name + " needs a whole number, got " + value);
                return null;
            }
        }
        if (patients < 1 || patients > NationalHistory.MAX_PATIENTS) {
            out.println("generate: --patients must be 1 to " + NationalHistory.MAX_PATIENTS);
            return null;
        }
        if (years < 1 || years > 30) {
            out.println("generate: --years must be 1 to 30");
            return null;
        }
        return new Options(patients, years, seed);
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Options options = parse(args, out);
        if (options == null) {
            return 2;
        }
        if (!centres.centres().isEmpty() || !catalogue.isEmpty()) {
            out.println("generate: the database already holds a network; generate fills an empty one"
                    + " (start with a new HEMONET_DATA_DIR, or an empty HEMONET_DB_URL database)");
            return 2;
        }
        long started = System.nanoTime();
        Instant now = clock.instant();
        LocalDate today = now.atZone(NationalHistory.ZONE).toLocalDate();
        NationalNetwork network = new NationalNetwork(options.seed(), options.patients(), options.years(), today);
        out.printf(
                "Generating %d patients with %d years of history (seed %d) into the configured database%n",
                options.patients(), options.years(), options.seed());
        transaction.executeWithoutResult(status -> loadNetwork(network));

        Map<UUID, Summary> loginPatients = new LinkedHashMap<>();
        Map<BulkTable, Long> counts;
        Progress progress = new Progress(System.err, options.patients());
        try (CopyLoader loader = new CopyLoader(dataSource.getConnection())) {
            for (var b : network.batches()) {
                loader.row(
                        BulkTable.BATCH,
                        b.id(),
                        b.productId(),
                        b.number(),
                        b.expiresOn(),
                        b.vials(),
                        b.unitsPerVial(),
                        b.receivedOn());
            }
            long rows = network.batches().size();
            for (int i = 0; i < options.patients(); i++) {
                Summary summary = NationalHistory.write(network, i, now, loader);
                rows += summary.rows();
                if (summary.treatment() == Treatment.FACTOR_PROPHYLAXIS) {
                    loginPatients.putIfAbsent(summary.centreId(), summary);
                }
                progress.update(i + 1, rows);
            }
            loader.commit();
            counts = loader.counts();
            progress.done(rows);
        }
        List<String> logins = transaction.execute(status -> loadAccounts(network, loginPatients));
        events.publishEvent(new BulkDataLoaded(name()));

        double seconds = (System.nanoTime() - started) / 1e9;
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        out.printf("Generated in %.1f s (%,.0f rows/s):%n", seconds, total / seconds);
        counts.forEach((table, n) -> out.printf("  %-26s %,12d%n", table.table(), n));
        out.println("Logins (password " + NationalNetwork.DEMO_PASSWORD + ", staff authenticator secret "
                + DemoNetworkPlan.DEMO_TOTP_SECRET + "):");
        logins.stream().limit(12).forEach(l -> out.println("  " + l));
        if (logins.size() > 12) {
            out.println("  ... and the same for every centre code (" + logins.size() + " logins; docs/benchmarks.md)");
        }
        return 0;
    }

    private void loadNetwork(NationalNetwork network) {
        centres.registerNetwork(network.networkId(), NETWORK_NAME);
        network.regions().forEach(r -> centres.registerRegion(r.id(), r.code(), r.name(), 2022, r.population()));
        network.centres().forEach(c -> centres.registerCentre(c.centre()));
        network.team().forEach(m -> centres.addTeamMember(m.id(), m.centreId(), m.role(), m.name()));
        NationalNetwork.products().forEach(catalogue::add);
    }

    /** Three staff logins per centre, one patient login per centre, and the network's own. */
    private List<String> loadAccounts(NationalNetwork network, Map<UUID, Summary> loginPatients) {
        String hash = accounts.hash(NationalNetwork.DEMO_PASSWORD);
        List<String> logins = new ArrayList<>();
        String totp = DemoNetworkPlan.DEMO_TOTP_SECRET;
        staff(hash, logins, "admin", "Network Administrator", Role.ADMIN, Set.of(), totp, "administrator");
        staff(hash, logins, "analyst", "Network Analyst", Role.NETWORK_ANALYST, Set.of(), totp, "network analyst");
        permissions.grant(accountId("analyst"), Permission.RESEARCH_EXTRACT, "generate");
        staff(hash, logins, "commissioner", "Commissioner", Role.COMMISSIONER, Set.of(), totp, "commissioner");
        for (CentreRow centre : network.centres()) {
            String code = centre.code().toLowerCase(java.util.Locale.ROOT);
            Set<UUID> at = Set.of(centre.centre().id());
            String where = centre.centre().name();
            staff(
                    hash,
                    logins,
                    "clinician." + code,
                    centre.haematologist(),
                    Role.CLINICIAN,
                    at,
                    totp,
                    "haematologist, " + where);
            staff(
                    hash,
                    logins,
                    "nurse." + code,
                    "Nurse " + centre.code(),
                    Role.NURSE,
                    at,
                    totp,
                    "nurse coordinator, " + where);
            staff(
                    hash,
                    logins,
                    "physio." + code,
                    "Physiotherapist " + centre.code(),
                    Role.PHYSIO,
                    at,
                    totp,
                    "physiotherapist, " + where);
            Summary patient = loginPatients.get(centre.centre().id());
            if (patient != null) {
                accounts.createWithHash(
                        accountId("patient." + code),
                        new NewAccount(
                                "patient." + code,
                                patient.name(),
                                Role.PATIENT,
                                NationalNetwork.DEMO_PASSWORD,
                                Set.of(),
                                Map.of(patient.id(), "SELF"),
                                null),
                        hash);
                logins.add(String.format("%-18s %s", "patient." + code, patient.name() + ", on prophylaxis, " + where));
            }
        }
        return logins;
    }

    private void staff(
            String hash,
            List<String> logins,
            String username,
            String displayName,
            Role role,
            Set<UUID> centreIds,
            String totp,
            String description) {
        accounts.createWithHash(
                accountId(username),
                new NewAccount(username, displayName, role, NationalNetwork.DEMO_PASSWORD, centreIds, Map.of(), totp),
                hash);
        logins.add(String.format("%-18s %s", username, description));
    }

    static UUID accountId(String username) {
        return UUID.nameUUIDFromBytes(("hemonet-generate-account:" + username).getBytes(StandardCharsets.UTF_8));
    }

    /** A progress bar with rows per second and the time left, redrawn on one line at most four times a second. */
    static final class Progress {
        private final PrintStream err;
        private final int total;
        private final long started = System.nanoTime();
        private long lastDrawn;

        Progress(PrintStream err, int total) {
            this.err = err;
            this.total = total;
        }

        void update(int done, long rows) {
            long nowNanos = System.nanoTime();
            if (nowNanos - lastDrawn < 250_000_000L && done < total) {
                return;
            }
            lastDrawn = nowNanos;
            draw(done, rows, nowNanos);
        }

        void done(long rows) {
            draw(total, rows, System.nanoTime());
            err.println();
        }

        private void draw(int done, long rows, long nowNanos) {
            double seconds = Math.max(1e-3, (nowNanos - started) / 1e9);
            int width = 30;
            int filled = (int) ((long) width * done / total);
            long eta = done == 0 ? 0 : Math.round(seconds * (total - done) / done);
            err.printf(
                    "\r[%s%s] %3d%% %,d/%,d patients  %,d rows  %,.0f rows/s  ETA %dm%02ds ",
                    "#".repeat(filled),
                    ".".repeat(width - filled),
                    100L * done / total,
                    done,
                    total,
                    rows,
                    rows / seconds,
                    eta / 60,
                    eta % 60);
            err.flush();
        }
    }
}
