package org.hemonet.demo;

import java.time.Clock;
import java.time.LocalDate;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.identity.AccountPermissions;
import org.hemonet.identity.Permission;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.shared.database.DatabaseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo network on start-up when enabled (by default: with the embedded database only) and the database
 * holds no centre yet, in one transaction, and prints the demo logins.
 */
@Component
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final DemoProperties properties;
    private final DatabaseProperties database;
    private final CentreDirectory centres;
    private final PatientRegistry patients;
    private final AccountAdministration accounts;
    private final AccountPermissions permissions;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoDataLoader(
            DemoProperties properties,
            DatabaseProperties database,
            CentreDirectory centres,
            PatientRegistry patients,
            AccountAdministration accounts,
            AccountPermissions permissions,
            TransactionTemplate transaction,
            Clock clock) {
        this.properties = properties;
        this.database = database;
        this.centres = centres;
        this.patients = patients;
        this.accounts = accounts;
        this.permissions = permissions;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean enabled = properties.enabled() != null
                ? properties.enabled()
                : database.db().url().isBlank();
        if (!enabled) {
            return;
        }
        if (!centres.centres().isEmpty()) {
            log.info("Demo network: the database already holds data; nothing loaded");
            // the demo logins only where the demo network is (not on a generated national network, docs/benchmarks.md)
            if (centres.centres().stream().anyMatch(c -> "NORTH".equals(c.code()))) {
                DemoNetworkPlan plan = DemoNetworkPlan.generate(properties.seed(), LocalDate.now(clock));
                grantResearch(plan); // a demo database made before research extracts existed (issue 18)
                printLogins(plan);
            }
            return;
        }
        DemoNetworkPlan plan = DemoNetworkPlan.generate(properties.seed(), LocalDate.now(clock));
        transaction.executeWithoutResult(status -> load(plan));
        log.info(
                "Demo network loaded: {} regions, {} centres, {} patients, {} accounts",
                plan.regions().size(),
                plan.centres().size(),
                plan.patients().size(),
                plan.accounts().size());
        printLogins(plan);
    }

    void load(DemoNetworkPlan plan) {
        centres.registerNetwork(plan.networkId(), "Demo Haemophilia Network");
        plan.regions().forEach(r -> centres.registerRegion(r.id(), r.code(), r.name(), r.year(), r.population()));
        plan.centres().forEach(centres::registerCentre);
        plan.team().forEach(m -> centres.addTeamMember(m.id(), m.centreId(), m.role(), m.name()));
        plan.patients().forEach(patients::register);
        plan.weights().forEach(w -> patients.recordWeight(w.patientId(), w.measuredOn(), w.weightKg()));
        plan.details().forEach(d -> patients.load(d.details(), d.centreId()));
        String hash = accounts.hash(DemoNetworkPlan.DEMO_PASSWORD);
        plan.accounts().forEach(a -> accounts.createWithHash(a.id(), a.account(), hash));
        grantResearch(plan);
    }

    /** The demo analyst may download research extracts (issue 18); granting twice changes nothing. */
    private void grantResearch(DemoNetworkPlan plan) {
        plan.accounts().stream()
                .filter(a -> a.account().username().equals("analyst"))
                .filter(a -> accounts.find(a.id()).isPresent())
                .forEach(a -> permissions.grant(a.id(), Permission.RESEARCH_EXTRACT, "demo"));
    }

    private static void printLogins(DemoNetworkPlan plan) {
        StringBuilder text = new StringBuilder("\n\nHemonet demo logins (password ")
                .append(DemoNetworkPlan.DEMO_PASSWORD)
                .append("):\n");
        plan.logins()
                .forEach(login -> text.append(String.format("  %-16s %s%n", login.username(), login.description())));
        log.info(text.toString());
    }
}
