package org.hemonet.patient.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.hemonet.patient.ConsentKind;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.PatientRecord;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A patient's whole record as stored: the core row with its diagnosis and the parts beside it (factor levels, inhibitor
 * tests, ITI episodes, weights, consents, care team, contacts, record numbers, family links and revisions), each newest
 * or oldest first as its statement says, read in one round trip (a record read is the busiest call there is: issue 14,
 * {@code patient_read_rps}).
 */
@Repository
public class PatientRecordParts {

    /**
     * The core row and every part of one record, in the order {@link #whole} reads them: one statement each, all sent
     * in one round trip (the driver pipelines a multi-statement text and returns one result set per statement). Each
     * statement has exactly one parameter, the patient's id.
     */
    private static final List<String> WHOLE = List.of(
            PatientQueries.DETAILS.replace(":id", "?"),
            """
            select factor, level_iu_per_dl, measured_on from patient.factor_level
            where patient_id = ? and voided_at is null order by measured_on desc""",
            """
            select id, sampled_on, residual_activity_percent, dilution, titre_bu from patient.inhibitor_test
            where patient_id = ? and voided_at is null order by sampled_on, recorded_at""",
            """
            select id, started_on, regimen, product_id, ended_on, outcome from patient.iti_episode
            where patient_id = ? and voided_at is null order by started_on""",
            """
            select measured_on, weight_kg, height_cm from patient.weight
            where patient_id = ? and voided_at is null order by measured_on desc""",
            """
            select id, kind, given, recorded_on, withdrawn_on from patient.consent
            where patient_id = ? order by recorded_on desc, kind""",
            """
            select id, role, name from patient.care_team_member
            where patient_id = ? and ended_at is null order by role, name""",
            """
            select id, kind, name, relationship, phone from patient.contact
            where patient_id = ? and voided_at is null order by kind, name""",
            "select centre_id, mrn from patient.record_number where patient_id = ? order by mrn",
            """
            select id, relative_id, relative_name, relationship, carrier_status from patient.family_link
            where patient_id = ? and voided_at is null order by relationship""",
            """
            select version, changed_at, changed_by, reason,
                   (select string_agg(k, ', ' order by k) from jsonb_object_keys(changes) k) as fields
            from patient.revision where patient_id = ? order by version desc""");

    private static final String WHOLE_SQL = String.join(";\n", WHOLE);

    /** The core row and the parts of a record, each list in the order its statement in {@link #WHOLE} gives. */
    public record Whole(
            PatientQueries.Details details,
            List<PatientRecord.FactorLevel> factorLevels,
            List<PatientRecord.InhibitorTest> inhibitorTests,
            List<PatientRecord.ItiEpisode> itiEpisodes,
            List<PatientRecord.Weight> weights,
            List<PatientRecord.Consent> consents,
            List<PatientRecord.CareTeamMember> careTeam,
            List<PatientRecord.Contact> contacts,
            List<PatientRecord.RecordNumber> recordNumbers,
            List<PatientRecord.FamilyLink> familyLinks,
            List<PatientRecord.Revision> revisions) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    PatientRecordParts(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * A living patient's whole record in one round trip to the database (in the caller's transaction, so one
     * snapshot); empty for an unknown or voided patient. {@code positiveBuFor} gives the titre from which a Bethesda
     * result counts as positive for the patient's diagnosis.
     */
    public Optional<Whole> whole(UUID patientId, Function<DiagnosisType, BigDecimal> positiveBuFor) {
        return template.execute((ConnectionCallback<Optional<Whole>>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(WHOLE_SQL)) {
                for (int i = 1; i <= WHOLE.size(); i++) {
                    statement.setObject(i, patientId);
                }
                statement.execute();
                PatientQueries.Details details = null;
                try (ResultSet rs = statement.getResultSet()) {
                    if (rs.next()) {
                        details = PatientQueries.details(rs);
                    }
                }
                if (details == null) {
                    return Optional.empty();
                }
                BigDecimal positiveBu = positiveBuFor.apply(details.diagnosis());
                return Optional.of(new Whole(
                        details,
                        next(statement, PatientRecordParts::factorLevel),
                        next(statement, rs -> inhibitorTest(rs, positiveBu)),
                        next(statement, PatientRecordParts::itiEpisode),
                        next(statement, PatientRecordParts::weight),
                        next(statement, PatientRecordParts::consent),
                        next(statement, PatientRecordParts::careTeamMember),
                        next(statement, PatientRecordParts::contact),
                        next(statement, PatientRecordParts::recordNumber),
                        next(statement, PatientRecordParts::familyLink),
                        next(statement, PatientRecordParts::revision)));
            }
        });
    }

    /** Bethesda results, oldest first. */
    public List<PatientRecord.InhibitorTest> inhibitorTests(UUID patientId, BigDecimal positiveBu) {
        return jdbc.sql(WHOLE.get(2).replace("?", ":id"))
                .param("id", patientId)
                .query((rs, n) -> inhibitorTest(rs, positiveBu))
                .list();
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** The rows of the statement's next result set. */
    private static <T> List<T> next(PreparedStatement statement, Row<T> row) throws SQLException {
        if (!statement.getMoreResults()) {
            throw new IllegalStateException("The record's statement returned fewer result sets than it has parts");
        }
        List<T> rows = new ArrayList<>();
        try (ResultSet rs = statement.getResultSet()) {
            while (rs.next()) {
                rows.add(row.map(rs));
            }
        }
        return rows;
    }

    private static PatientRecord.FactorLevel factorLevel(ResultSet rs) throws SQLException {
        return new PatientRecord.FactorLevel(
                rs.getString("factor"),
                rs.getBigDecimal("level_iu_per_dl"),
                rs.getObject("measured_on", LocalDate.class));
    }

    private static PatientRecord.InhibitorTest inhibitorTest(ResultSet rs, BigDecimal positiveBu) throws SQLException {
        return new PatientRecord.InhibitorTest(
                rs.getObject("id", UUID.class),
                rs.getObject("sampled_on", LocalDate.class),
                rs.getBigDecimal("residual_activity_percent"),
                rs.getBigDecimal("dilution"),
                rs.getBigDecimal("titre_bu"),
                rs.getBigDecimal("titre_bu").compareTo(positiveBu) >= 0);
    }

    private static PatientRecord.ItiEpisode itiEpisode(ResultSet rs) throws SQLException {
        return new PatientRecord.ItiEpisode(
                rs.getObject("id", UUID.class),
                rs.getObject("started_on", LocalDate.class),
                rs.getString("regimen"),
                rs.getObject("product_id", UUID.class),
                rs.getObject("ended_on", LocalDate.class),
                rs.getString("outcome"));
    }

    private static PatientRecord.Weight weight(ResultSet rs) throws SQLException {
        return new PatientRecord.Weight(
                rs.getObject("measured_on", LocalDate.class),
                rs.getBigDecimal("weight_kg"),
                rs.getBigDecimal("height_cm"));
    }

    private static PatientRecord.Consent consent(ResultSet rs) throws SQLException {
        return new PatientRecord.Consent(
                rs.getObject("id", UUID.class),
                ConsentKind.valueOf(rs.getString("kind")),
                rs.getBoolean("given"),
                rs.getObject("recorded_on", LocalDate.class),
                rs.getObject("withdrawn_on", LocalDate.class));
    }

    private static PatientRecord.CareTeamMember careTeamMember(ResultSet rs) throws SQLException {
        return new PatientRecord.CareTeamMember(
                rs.getObject("id", UUID.class), rs.getString("role"), rs.getString("name"));
    }

    private static PatientRecord.Contact contact(ResultSet rs) throws SQLException {
        return new PatientRecord.Contact(
                rs.getObject("id", UUID.class),
                rs.getString("kind"),
                rs.getString("name"),
                rs.getString("relationship"),
                rs.getString("phone"));
    }

    private static PatientRecord.RecordNumber recordNumber(ResultSet rs) throws SQLException {
        return new PatientRecord.RecordNumber(rs.getObject("centre_id", UUID.class), rs.getString("mrn"));
    }

    private static PatientRecord.FamilyLink familyLink(ResultSet rs) throws SQLException {
        return new PatientRecord.FamilyLink(
                rs.getObject("id", UUID.class),
                rs.getObject("relative_id", UUID.class),
                rs.getString("relative_name"),
                rs.getString("relationship"),
                rs.getString("carrier_status"));
    }

    private static PatientRecord.Revision revision(ResultSet rs) throws SQLException {
        return new PatientRecord.Revision(
                rs.getInt("version"),
                rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
                rs.getString("changed_by"),
                rs.getString("reason"),
                String.valueOf(rs.getString("fields")));
    }
}
