package org.hemonet.patient;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the patient module. */
@Repository
class PatientQueries {

    /** One row per living record: the current diagnosis, lowest valid baseline level, latest weight. */
    private static final String SUMMARY =
            """
            select p.id, p.centre_id, p.given_name, p.family_name, p.date_of_birth, p.sex,
                   d.type as diagnosis, d.subtype, d.bleeding_phenotype,
                   fl.level_iu_per_dl, fl.measured_on,
                   w.weight_kg, w.measured_on as weighed_on
            from patient.patient p
            join patient.diagnosis d on d.patient_id = p.id and d.superseded_at is null
            left join lateral (select level_iu_per_dl, measured_on from patient.factor_level
                               where patient_id = p.id and voided_at is null
                               order by level_iu_per_dl, measured_on desc limit 1) fl on true
            left join lateral (select weight_kg, measured_on from patient.weight
                               where patient_id = p.id and voided_at is null
                               order by measured_on desc limit 1) w on true
            where p.voided_at is null
            """;

    record Row(
            UUID id,
            UUID centreId,
            String givenName,
            String familyName,
            LocalDate dateOfBirth,
            Sex sex,
            DiagnosisType diagnosis,
            @Nullable String subtype,
            boolean bleedingPhenotype,
            @Nullable BigDecimal level,
            @Nullable LocalDate measuredOn,
            @Nullable BigDecimal weightKg,
            @Nullable LocalDate weighedOn) {}

    private final JdbcClient jdbc;

    PatientQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> atCentres(Collection<UUID> centreIds, @Nullable String nameContains) {
        if (centreIds.isEmpty()) {
            return List.of();
        }
        String pattern = nameContains == null || nameContains.isBlank() ? null : "%" + escapeLike(nameContains) + "%";
        return jdbc.sql(
                        SUMMARY
                                + """
                         and p.centre_id in (:centres)
                         and (cast(:pattern as text) is null
                              or (p.given_name || ' ' || p.family_name) ilike :pattern
                              or p.national_id = :exact)
                        order by p.family_name, p.given_name
                        """)
                .param("centres", centreIds)
                .param("pattern", pattern)
                .param("exact", nameContains == null ? "" : nameContains.replace(" ", ""))
                .query(PatientQueries::row)
                .list();
    }

    List<Row> withIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SUMMARY + " and p.id in (:ids) order by p.date_of_birth")
                .param("ids", ids)
                .query(PatientQueries::row)
                .list();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql(SUMMARY + " and p.id = :id")
                .param("id", id)
                .query(PatientQueries::row)
                .optional();
    }

    Optional<UUID> centreOf(UUID patientId) {
        return jdbc.sql("select centre_id from patient.patient where id = :id and voided_at is null")
                .param("id", patientId)
                .query(UUID.class)
                .optional();
    }

    Map<UUID, List<InhibitorStatus.Result>> inhibitorResults(Collection<UUID> patientIds) {
        Map<UUID, List<InhibitorStatus.Result>> results = new HashMap<>();
        if (patientIds.isEmpty()) {
            return results;
        }
        jdbc.sql(
                        """
                        select patient_id, sampled_on, titre_bu from patient.inhibitor_test
                        where patient_id in (:ids) and voided_at is null order by sampled_on
                        """)
                .param("ids", patientIds)
                .query(rs -> {
                    results.computeIfAbsent(rs.getObject("patient_id", UUID.class), k -> new ArrayList<>())
                            .add(new InhibitorStatus.Result(
                                    rs.getObject("sampled_on", LocalDate.class), rs.getBigDecimal("titre_bu")));
                });
        return results;
    }

    /** Living records by diagnosis, sex and baseline data, for network aggregates (no identifiers). */
    List<Row> all() {
        return jdbc.sql(SUMMARY).query(PatientQueries::row).list();
    }

    void insert(NewPatient patient) {
        jdbc.sql(
                        """
                        insert into patient.patient (id, centre_id, given_name, family_name, date_of_birth, sex,
                            national_id_scheme, national_id, region_id)
                        values (:id, :centre, :given, :family, :dob, :sex, :scheme, :nationalId, :region)
                        """)
                .param("id", patient.id())
                .param("centre", patient.centreId())
                .param("given", patient.givenName())
                .param("family", patient.familyName())
                .param("dob", patient.dateOfBirth())
                .param("sex", patient.sex().name())
                .param("scheme", patient.nationalIdScheme())
                .param("nationalId", patient.nationalId())
                .param("region", patient.regionId())
                .update();
        jdbc.sql(
                        """
                        insert into patient.diagnosis (id, patient_id, type, subtype, bleeding_phenotype)
                        values (:id, :patient, :type, :subtype, :phenotype)
                        """)
                .param("id", UUID.randomUUID())
                .param("patient", patient.id())
                .param("type", patient.diagnosis().name())
                .param("subtype", patient.diagnosisSubtype())
                .param("phenotype", patient.bleedingPhenotype())
                .update();
        if (patient.baselineLevelIuPerDl() != null && patient.diagnosis().factor() != null) {
            jdbc.sql(
                            """
                            insert into patient.factor_level (id, patient_id, factor, level_iu_per_dl, measured_on)
                            values (:id, :patient, :factor, :level, :on)
                            """)
                    .param("id", UUID.randomUUID())
                    .param("patient", patient.id())
                    .param("factor", patient.diagnosis().factor())
                    .param("level", patient.baselineLevelIuPerDl())
                    .param("on", patient.baselineMeasuredOn())
                    .update();
        }
        if (patient.weightKg() != null) {
            jdbc.sql(
                            """
                            insert into patient.weight (id, patient_id, measured_on, weight_kg)
                            values (:id, :patient, :on, :kg)
                            """)
                    .param("id", UUID.randomUUID())
                    .param("patient", patient.id())
                    .param("on", patient.weighedOn())
                    .param("kg", patient.weightKg())
                    .update();
        }
        for (NewPatient.BethesdaAssay assay : patient.inhibitorTests()) {
            jdbc.sql(
                            """
                            insert into patient.inhibitor_test (id, patient_id, sampled_on, residual_activity_percent,
                                dilution, titre_bu)
                            values (:id, :patient, :on, :residual, :dilution, :titre)
                            """)
                    .param("id", UUID.randomUUID())
                    .param("patient", patient.id())
                    .param("on", assay.sampledOn())
                    .param("residual", assay.residualActivityPercent())
                    .param("dilution", assay.dilution())
                    .param("titre", BethesdaTitre.compute(assay.residualActivityPercent(), assay.dilution()))
                    .update();
        }
    }

    void insertWeight(UUID patientId, LocalDate measuredOn, BigDecimal weightKg) {
        jdbc.sql("insert into patient.weight (id, patient_id, measured_on, weight_kg) values (:id, :p, :on, :kg)")
                .param("id", UUID.randomUUID())
                .param("p", patientId)
                .param("on", measuredOn)
                .param("kg", weightKg)
                .update();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("centre_id", UUID.class),
                rs.getString("given_name"),
                rs.getString("family_name"),
                rs.getObject("date_of_birth", LocalDate.class),
                Sex.valueOf(rs.getString("sex")),
                DiagnosisType.valueOf(rs.getString("diagnosis")),
                rs.getString("subtype"),
                rs.getBoolean("bleeding_phenotype"),
                rs.getBigDecimal("level_iu_per_dl"),
                rs.getObject("measured_on", LocalDate.class),
                rs.getBigDecimal("weight_kg"),
                rs.getObject("weighed_on", LocalDate.class));
    }
}
