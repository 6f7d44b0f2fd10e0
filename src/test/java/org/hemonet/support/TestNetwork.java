package org.hemonet.support;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.centre.CentreType;
import org.hemonet.centre.NewCentre;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.identity.NewAccount;
import org.hemonet.identity.Role;
import org.hemonet.patient.PatientRegistry;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds the data a test owns: its own centre (in an existing region of the demo network), staff of that centre and
 * patients registered there, each with a unique name, so that no test reads or changes what another counts. Staff sign
 * in with the demo password and the demo TOTP secret ({@link SignIn}); patients with the demo password.
 *
 * <pre>{@code
 * TestNetwork.Site site = TestNetwork.in(context).centre("Safety");
 * TestNetwork.Staff nurse = site.staff(Role.NURSE);
 * PatientAccounts.Created tom = site.patient("Tom", "Test");
 * }</pre>
 */
public final class TestNetwork {

    public record Staff(UUID accountId, String username, Role role, UUID centreId) {}

    private final CentreDirectory centres;
    private final AccountAdministration accounts;
    private final PatientAccounts patients;
    private final JdbcClient jdbc;

    private TestNetwork(ApplicationContext context) {
        this.centres = context.getBean(CentreDirectory.class);
        this.accounts = context.getBean(AccountAdministration.class);
        this.patients = new PatientAccounts(context.getBean(PatientRegistry.class), accounts);
        this.jdbc = context.getBean(JdbcClient.class);
    }

    public static TestNetwork in(ApplicationContext context) {
        return new TestNetwork(context);
    }

    /** A new comprehensive care centre named "{label} <random>", with a coagulation laboratory and 24-hour cover. */
    public Site centre(String label) {
        return centre(label, CentreType.COMPREHENSIVE_CARE_CENTRE);
    }

    public Site centre(String label, CentreType type) {
        String suffix = unique();
        UUID regionId = jdbc.sql("select id from centre.region order by code limit 1")
                .query(UUID.class)
                .single();
        UUID networkId = jdbc.sql("select id from centre.network order by name limit 1")
                .query(UUID.class)
                .single();
        UUID id = UUID.randomUUID();
        String name = label + " " + suffix;
        centres.registerCentre(new NewCentre(
                id,
                ("T" + suffix).toUpperCase(java.util.Locale.ROOT),
                name,
                type,
                regionId,
                networkId,
                "01632 960" + Math.abs(suffix.hashCode() % 1000),
                "Haematology registrar on call",
                true,
                "FVIII, FIX, Bethesda",
                true));
        return new Site(id, name, regionId);
    }

    /** A centre of the test's own, with its own staff and patients. */
    public final class Site {

        private final UUID centreId;
        private final String name;
        private final UUID regionId;

        private Site(UUID centreId, String name, UUID regionId) {
            this.centreId = centreId;
            this.name = name;
            this.regionId = regionId;
        }

        public UUID centreId() {
            return centreId;
        }

        public String name() {
            return name;
        }

        public UUID regionId() {
            return regionId;
        }

        /** A new staff account of this centre, signing in with the demo password and TOTP secret. */
        public Staff staff(Role role) {
            String username =
                    "t-" + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + unique();
            UUID accountId = accounts.create(new NewAccount(
                    username,
                    role.name().charAt(0) + role.name().substring(1).toLowerCase(java.util.Locale.ROOT) + " " + name,
                    role,
                    SignIn.DEMO_PASSWORD,
                    Set.of(centreId),
                    Map.of(),
                    SignIn.DEMO_TOTP_SECRET));
            return new Staff(accountId, username, role, centreId);
        }

        /** A new adult patient with haemophilia A registered here, with their own account. */
        public PatientAccounts.Created patient(String givenName, String familyName) {
            return patients.create(centreId, givenName, familyName);
        }
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
