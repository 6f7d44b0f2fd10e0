package org.hemonet.patient.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hemonet.patient.ConsentKind;
import org.hemonet.patient.PatientRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The parts of a patient's record read beside its core row (inhibitor tests, ITI episodes, weights, consents, care team,
 * contacts, record numbers, family links and revisions), each newest or oldest first as its method says.
 */
@Repository
public class PatientRecordParts {

    private final JdbcClient jdbc;

    PatientRecordParts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Bethesda results, oldest first. */
    public List<PatientRecord.InhibitorTest> inhibitorTests(UUID patientId, BigDecimal positiveBu) {
        return jdbc.sql(
                        """
                        select id, sampled_on, residual_activity_percent, dilution, titre_bu from patient.inhibitor_test
                        where patient_id = :id and voided_at is null order by sampled_on, recorded_at
                        """)
                .param("id", patientId)
                .query((rs, n) -> new PatientRecord.InhibitorTest(
                        rs.getObject("id", UUID.class),
                        rs.getObject("sampled_on", LocalDate.class),
                        rs.getBigDecimal("residual_activity_percent"),
                        rs.getBigDecimal("dilution"),
                        rs.getBigDecimal("titre_bu"),
                        rs.getBigDecimal("titre_bu").compareTo(positiveBu) >= 0))
                .list();
    }

    public List<PatientRecord.ItiEpisode> itiEpisodes(UUID patientId) {
        return jdbc.sql(
                        """
                        select id, started_on, regimen, product_id, ended_on, outcome from patient.iti_episode
                        where patient_id = :id and voided_at is null order by started_on
                        """)
                .param("id", patientId)
                .query((rs, n) -> new PatientRecord.ItiEpisode(
                        rs.getObject("id", UUID.class),
                        rs.getObject("started_on", LocalDate.class),
                        rs.getString("regimen"),
                        rs.getObject("product_id", UUID.class),
                        rs.getObject("ended_on", LocalDate.class),
                        rs.getString("outcome")))
                .list();
    }

    public List<PatientRecord.Weight> weights(UUID patientId) {
        return jdbc.sql(
                        """
                        select measured_on, weight_kg, height_cm from patient.weight
                        where patient_id = :id and voided_at is null order by measured_on desc
                        """)
                .param("id", patientId)
                .query((rs, n) -> new PatientRecord.Weight(
                        rs.getObject("measured_on", LocalDate.class),
                        rs.getBigDecimal("weight_kg"),
                        rs.getBigDecimal("height_cm")))
                .list();
    }

    public List<PatientRecord.Consent> consents(UUID patientId) {
        return jdbc.sql(
                        """
                        select id, kind, given, recorded_on, withdrawn_on from patient.consent
                        where patient_id = :id order by recorded_on desc, kind
                        """)
                .param("id", patientId)
                .query((rs, n) -> new PatientRecord.Consent(
                        rs.getObject("id", UUID.class),
                        ConsentKind.valueOf(rs.getString("kind")),
                        rs.getBoolean("given"),
                        rs.getObject("recorded_on", LocalDate.class),
                        rs.getObject("withdrawn_on", LocalDate.class)))
                .list();
    }

    public List<PatientRecord.CareTeamMember> careTeam(UUID patientId) {
        return jdbc.sql(
                        """
                        select id, role, name from patient.care_team_member
                        where patient_id = :id and ended_at is null order by role, name
                        """)
                .param("id", patientId)
                .query((rs, n) -> new PatientRecord.CareTeamMember(
                        rs.getObject("id", UUID.class), rs.getString("role"), rs.getString("name")))
                .list();
    }

    public List<PatientRecord.Contact> contacts(UUID patientId) {
        return jdbc.sql(
                        """
                        select id, kind, name, relationship, phone from patient.contact
                        where patient_id = :id and voided_at is null order by kind, name
                        """)
                .param("id", patientId)
                .query((rs, n) -> new PatientRecord.Contact(
                        rs.getObject("id", UUID.class),
                        rs.getString("kind"),
                        rs.getString("name"),
                        rs.getString("relationship"),
                        rs.getString("phone")))
                .list();
    }

    public List<PatientRecord.RecordNumber> recordNumbers(UUID patientId) {
        return jdbc.sql("select centre_id, mrn from patient.record_number where patient_id = :id order by mrn")
                .param("id", patientId)
                .query((rs, n) ->
                        new PatientRecord.RecordNumber(rs.getObject("centre_id", UUID.class), rs.getString("mrn")))
                .list();
    }

    public List<PatientRecord.FamilyLink> familyLinks(UUID patientId) {
        return jdbc.sql(
                        """
                        select id, relative_id, relative_name, relationship, carrier_status from patient.family_link
                        where patient_id = :id and voided_at is null order by relationship
                        """)
                .param("id", patientId)
                .query((rs, n) -> new PatientRecord.FamilyLink(
                        rs.getObject("id", UUID.class),
                        rs.getObject("relative_id", UUID.class),
                        rs.getString("relative_name"),
                        rs.getString("relationship"),
                        rs.getString("carrier_status")))
                .list();
    }

    public List<PatientRecord.Revision> revisions(UUID patientId) {
        return jdbc.sql(
                        """
                        select version, changed_at, changed_by, reason,
                               (select string_agg(k, ', ' order by k) from jsonb_object_keys(changes) k) as fields
                        from patient.revision where patient_id = :id order by version desc
                        """)
                .param("id", patientId)
                .query((rs, n) -> new PatientRecord.Revision(
                        rs.getInt("version"),
                        rs.getObject("changed_at", java.time.OffsetDateTime.class)
                                .toInstant(),
                        rs.getString("changed_by"),
                        rs.getString("reason"),
                        String.valueOf(rs.getString("fields"))))
                .list();
    }
}
