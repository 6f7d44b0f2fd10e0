package org.hemonet.support;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.identity.NewAccount;
import org.hemonet.identity.Role;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.NewPatient;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.Sex;

/**
 * Registers a fresh patient at a centre with their own account (demo password, no second factor), through the
 * modules' load methods, so a test can change their stock and inbox without touching the demo patients others rely on.
 */
public final class PatientAccounts {

    public record Created(UUID patientId, String username, String fullName) {}

    private final PatientRegistry patients;
    private final AccountAdministration accounts;

    public PatientAccounts(PatientRegistry patients, AccountAdministration accounts) {
        this.patients = patients;
        this.accounts = accounts;
    }

    /** A fresh patient at the (first) centre of a staff account, e.g. {@code clinician.east}. */
    public Created createAtCentreOf(
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            String staffUsername,
            String givenName,
            String familyName) {
        UUID centreId = jdbc.sql(
                        """
                        select ac.centre_id from identity.account_centre ac
                        join identity.account a on a.id = ac.account_id where a.username = :username
                        order by ac.centre_id limit 1""")
                .param("username", staffUsername)
                .query(UUID.class)
                .single();
        return create(centreId, givenName, familyName);
    }

    public Created create(UUID centreId, String givenName, String familyName) {
        UUID patientId = UUID.randomUUID();
        patients.register(new NewPatient(
                patientId,
                centreId,
                givenName,
                familyName,
                LocalDate.of(1990, 5, 17),
                Sex.MALE,
                null,
                null,
                null,
                DiagnosisType.HEMOPHILIA_A,
                null,
                false,
                null,
                null,
                null,
                null,
                List.of(),
                null));
        String username = "pt-" + patientId.toString().substring(0, 8);
        accounts.create(new NewAccount(
                username,
                givenName + " " + familyName,
                Role.PATIENT,
                SignIn.DEMO_PASSWORD,
                Set.of(),
                Map.of(patientId, "SELF"),
                null));
        return new Created(patientId, username, givenName + " " + familyName);
    }
}
