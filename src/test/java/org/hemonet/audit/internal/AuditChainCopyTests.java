package org.hemonet.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.hemonet.audit.ChainVerification;
import org.hemonet.shared.Actor;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The chain does not depend on where the rows are stored (security.md §23): the rows copied out and into an empty
 * database in PostgreSQL's text COPY format, as {@code pg_dump} and {@code pg_restore} move table data, verify with the
 * same head hash, and the restored chain goes on growing. The full {@code pg_dump}/{@code pg_restore} procedure is in
 * {@code docs/operations.md}.
 */
class AuditChainCopyTests {

    private final AuditTestDatabase db = AuditTestDatabase.get();
    private final Actor actor =
            new Actor(UUID.randomUUID(), "dr.ada", "CLINICIAN", Set.of(UUID.randomUUID()), Set.of());

    @Test
    void chainCopiedIntoAnEmptyDatabaseVerifiesAndContinues() throws Exception {
        db.reset();
        JdbcAuditLog source = auditLog(db.app());
        UUID patient = UUID.randomUUID();
        for (int i = 0; i < 20; i++) {
            source.patientRead(patient, "Patient", "r-" + i);
        }
        assertThat(sealer(db.app()).sealUntilCaughtUp(Duration.ofSeconds(10))).isTrue();
        source.patientRead(patient, "Patient", "not yet sealed");
        ChainVerification original = source.verify();

        AuditTestDatabase.Restored restored = db.emptyDatabase("audit_copy_" + System.nanoTime());
        copy("audit.event", db.owner(), restored.owner());
        copy("audit.seal", db.owner(), restored.owner());
        JdbcClient.create(restored.owner())
                .sql("select setval('audit.event_seq', (select max(seq) from audit.event))")
                .query(Long.class)
                .single();

        JdbcAuditLog copy = auditLog(restored.app());
        assertThat(copy.verify()).isEqualTo(original);
        assertThat(original.ok()).isTrue();
        assertThat(original.unsealedEvents()).isEqualTo(1);

        copy.patientRead(patient, "Patient", "after restore");
        assertThat(sealer(restored.app()).sealUntilCaughtUp(Duration.ofSeconds(10)))
                .isTrue();
        ChainVerification continued = copy.verify();
        assertThat(continued.ok()).isTrue();
        assertThat(continued.sealedEvents()).isEqualTo(22);
        assertThat(continued.unsealedEvents()).isZero();
    }

    private JdbcAuditLog auditLog(DataSource app) {
        JdbcClient jdbc = JdbcClient.create(app);
        return new JdbcAuditLog(
                jdbc, () -> Optional.of(actor), new ChainVerifier(jdbc, new DataSourceTransactionManager(app)));
    }

    private static AuditSealer sealer(DataSource app) {
        return new AuditSealer(new JdbcTemplate(app), new DataSourceTransactionManager(app));
    }

    private static void copy(String table, DataSource from, DataSource to) throws Exception {
        var rows = new ByteArrayOutputStream();
        try (Connection source = from.getConnection()) {
            source.unwrap(PGConnection.class).getCopyAPI().copyOut("copy " + table + " to stdout", rows);
        }
        try (Connection target = to.getConnection()) {
            target.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy " + table + " from stdin", new ByteArrayInputStream(rows.toByteArray()));
        }
    }
}
