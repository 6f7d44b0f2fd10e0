package org.hemonet.patient.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hemonet.patient.BethesdaTitre;
import org.hemonet.patient.CarrierStatus;
import org.hemonet.patient.ConsentKind;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.InhibitorStatus;
import org.hemonet.patient.NewPatient;
import org.hemonet.patient.Sex;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the patient module. */
@Repository
public class PatientQueries {

    /** One row per living record: the current diagnosis, lowest valid baseline level, latest weight. */
    private static final String SUMMARY =
            """
            select p.id, p.centre_id, p.given_name, p.family_name, p.date_of_birth, p.sex, p.time_zone,
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

    /** {@link #SUMMARY} for lists: the lowest valid baseline level only (the same level), no weight. */
    private static final String LISTING =
            """
            select p.id, p.centre_id, p.given_name, p.family_name, p.sex, p.time_zone,
                   d.type as diagnosis, d.bleeding_phenotype,
                   (select min(level_iu_per_dl) from patient.factor_level
                    where patient_id = p.id and voided_at is null) as level_iu_per_dl
            from patient.patient p
            join patient.diagnosis d on d.patient_id = p.id and d.superseded_at is null
            where p.voided_at is null
            """;

    public record Row(
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
            @Nullable LocalDate weighedOn,
            ZoneId timeZone) {}

    private final JdbcClient jdbc;

    PatientQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Living records registered at, or in current shared care with, one of the centres. */
    public List<Row> atCentres(Collection<UUID> centreIds, @Nullable String nameContains) {
        if (centreIds.isEmpty()) {
            return List.of();
        }
        String pattern = nameContains == null || nameContains.isBlank() ? null : "%" + escapeLike(nameContains) + "%";
        return jdbc.sql(
                        SUMMARY
                                + """
                         and (p.centre_id in (:centres)
                              or exists (select 1 from patient.shared_care s where s.patient_id = p.id
                                         and s.ended_on is null and s.centre_id in (:centres)))
                         and (cast(:pattern as text) is null
                              or (p.given_name || ' ' || p.family_name) ilike :pattern
                              or p.national_id = :exact)
                        order by p.family_name, p.given_name, p.id
                        """)
                .param("centres", centreIds)
                .param("pattern", pattern)
                .param("exact", nameContains == null ? "" : nameContains.replace(" ", ""))
                .query(PatientQueries::row)
                .list();
    }

    /** What a list shows of a living record: {@link #SUMMARY}'s name, severity inputs and time zone, nothing else. */
    public record ListingRow(
            UUID id,
            UUID centreId,
            String givenName,
            String familyName,
            Sex sex,
            DiagnosisType diagnosis,
            boolean bleedingPhenotype,
            @Nullable BigDecimal level,
            ZoneId timeZone) {}

    /**
     * {@link #atCentres} with no name, in the same order, but only what a list shows (issue 14): the lowest valid
     * baseline level for the severity and no weight, for the centre-wide patients needing attention list. The centres'
     * patients are found as a union of the two indexed look-ups (registered here, in shared care here): the
     * {@code or exists} of {@link #atCentres} scans every patient of the network (15 ms against 5 ms on the national
     * data).
     */
    public List<ListingRow> listingAtCentres(Collection<UUID> centreIds) {
        if (centreIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        LISTING
                                + """
                         and p.id in (select id from patient.patient where centre_id in (:centres)
                                      union all
                                      select patient_id from patient.shared_care
                                      where ended_on is null and centre_id in (:centres))
                        order by p.family_name, p.given_name, p.id
                        """)
                .param("centres", centreIds)
                .query(PatientQueries::listingRow)
                .list();
    }

    /** {@link #withIds} as a {@link #listingAtCentres} list, in the same order (oldest first). */
    public List<ListingRow> listingWithIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(LISTING + " and p.id in (:ids) order by p.date_of_birth")
                .param("ids", ids)
                .query(PatientQueries::listingRow)
                .list();
    }

    /**
     * Living records whose national id (spaces left out) or a centre's medical record number is {@code value}, among
     * those registered at, or in current shared care with, one of the centres (or, when {@code ids} is given, among
     * those records: a patient's own).
     */
    public List<Row> withIdentifier(
            @Nullable Collection<UUID> centreIds, @Nullable Collection<UUID> ids, String value) {
        if ((centreIds != null && centreIds.isEmpty()) || (ids != null && ids.isEmpty())) {
            return List.of();
        }
        String among = centreIds != null
                ? """
                   and (p.centre_id in (:among)
                        or exists (select 1 from patient.shared_care s where s.patient_id = p.id
                                   and s.ended_on is null and s.centre_id in (:among)))
                  """
                : " and p.id in (:among)\n";
        return jdbc.sql(
                        SUMMARY + among
                                + """
                         and (p.national_id = :nationalId
                              or exists (select 1 from patient.record_number r
                                         where r.patient_id = p.id and r.mrn = :mrn))
                        order by p.family_name, p.given_name, p.id
                        """)
                .param("among", centreIds != null ? centreIds : ids)
                .param("nationalId", value.replace(" ", ""))
                .param("mrn", value)
                .query(PatientQueries::row)
                .list();
    }

    public List<Row> withIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SUMMARY + " and p.id in (:ids) order by p.date_of_birth")
                .param("ids", ids)
                .query(PatientQueries::row)
                .list();
    }

    public Optional<Row> find(UUID id) {
        return jdbc.sql(SUMMARY + " and p.id = :id")
                .param("id", id)
                .query(PatientQueries::row)
                .optional();
    }

    /**
     * A living patient's centre and the centres of their current shared care (every access decision starts here, so
     * one query); empty for an unknown or voided patient.
     */
    public Optional<Placement> placement(UUID patientId) {
        return jdbc.sql(
                        """
                        select p.centre_id, array(select distinct centre_id from patient.shared_care
                                                  where patient_id = p.id and ended_on is null) as shared_care
                        from patient.patient p where p.id = :id and p.voided_at is null
                        """)
                .param("id", patientId)
                .query((rs, n) -> new Placement(rs.getObject("centre_id", UUID.class), Set.of((UUID[])
                        rs.getArray("shared_care").getArray())))
                .optional();
    }

    public record Placement(UUID centreId, Set<UUID> sharedCareCentres) {}

    public Set<UUID> sharedCareCentres(UUID patientId) {
        return Set.copyOf(jdbc.sql(
                        """
                        select distinct centre_id from patient.shared_care
                        where patient_id = :id and ended_on is null
                        """)
                .param("id", patientId)
                .query(UUID.class)
                .list());
    }

    public Map<UUID, List<InhibitorStatus.Result>> inhibitorResults(Collection<UUID> patientIds) {
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
    public List<Row> all() {
        return jdbc.sql(SUMMARY).query(PatientQueries::row).list();
    }

    /** Inserts a new record whose days are counted in {@code timeZone} (the patient's, by default the centre's). */
    public void insert(NewPatient patient, String timeZone) {
        jdbc.sql(
                        """
                        insert into patient.patient (id, centre_id, given_name, family_name, date_of_birth, sex,
                            national_id_scheme, national_id, region_id, time_zone, previously_untreated,
                            prior_exposure_days)
                        values (:id, :centre, :given, :family, :dob, :sex, :scheme, :nationalId, :region,
                            :timeZone, :pup, :priorEds)
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
                .param("timeZone", timeZone)
                .param("pup", patient.previouslyUntreated(), java.sql.Types.BOOLEAN)
                .param("priorEds", patient.priorExposureDays(), java.sql.Types.INTEGER)
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

    public void insertWeight(UUID patientId, LocalDate measuredOn, BigDecimal weightKg) {
        jdbc.sql("insert into patient.weight (id, patient_id, measured_on, weight_kg) values (:id, :p, :on, :kg)")
                .param("id", UUID.randomUUID())
                .param("p", patientId)
                .param("on", measuredOn)
                .param("kg", weightKg)
                .update();
    }

    public UUID insertMeasurement(
            UUID patientId, LocalDate measuredOn, BigDecimal weightKg, @Nullable BigDecimal heightCm) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into patient.weight (id, patient_id, measured_on, weight_kg, height_cm)
                        values (:id, :p, :on, :kg, :cm)
                        """)
                .param("id", id)
                .param("p", patientId)
                .param("on", measuredOn)
                .param("kg", weightKg)
                .param("cm", heightCm)
                .update();
        return id;
    }

    /** The columns of the patient row itself, for the full record. */
    public record Details(
            UUID id,
            int version,
            UUID centreId,
            String givenName,
            String familyName,
            LocalDate dateOfBirth,
            Sex sex,
            @Nullable String nationalIdScheme,
            @Nullable String nationalId,
            @Nullable UUID regionId,
            @Nullable String phone,
            @Nullable String email,
            String timeZone,
            @Nullable String genotypeHgvs,
            @Nullable String mutationClass,
            String hivStatus,
            String hbvStatus,
            String hcvStatus,
            boolean vcjdAtRisk,
            boolean knowsDiagnosisAndProduct,
            boolean selfInfuses,
            boolean ordersSupplies,
            boolean knowsEmergencyPlan,
            DiagnosisType diagnosis,
            @Nullable String subtype,
            boolean bleedingPhenotype,
            @Nullable Boolean previouslyUntreated,
            @Nullable Integer priorExposureDays) {}

    /** A living patient's core row with the current diagnosis; its one parameter is {@code :id}. */
    static final String DETAILS =
            """
            select p.*, d.type as diagnosis, d.subtype, d.bleeding_phenotype
            from patient.patient p
            join patient.diagnosis d on d.patient_id = p.id and d.superseded_at is null
            where p.id = :id and p.voided_at is null""";

    public Optional<Details> details(UUID id) {
        return jdbc.sql(DETAILS).param("id", id).query((rs, n) -> details(rs)).optional();
    }

    /** The {@link #details(UUID)} row at the result set's cursor (its columns: {@code p.*} and the diagnosis). */
    static Details details(ResultSet rs) throws SQLException {
        return new Details(
                rs.getObject("id", UUID.class),
                rs.getInt("version"),
                rs.getObject("centre_id", UUID.class),
                rs.getString("given_name"),
                rs.getString("family_name"),
                rs.getObject("date_of_birth", LocalDate.class),
                Sex.valueOf(rs.getString("sex")),
                rs.getString("national_id_scheme"),
                rs.getString("national_id"),
                rs.getObject("region_id", UUID.class),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getString("time_zone"),
                rs.getString("genotype_hgvs"),
                rs.getString("mutation_class"),
                rs.getString("hiv_status"),
                rs.getString("hbv_status"),
                rs.getString("hcv_status"),
                rs.getBoolean("vcjd_at_risk"),
                rs.getBoolean("knows_diagnosis_and_product"),
                rs.getBoolean("self_infuses"),
                rs.getBoolean("orders_supplies"),
                rs.getBoolean("knows_emergency_plan"),
                DiagnosisType.valueOf(rs.getString("diagnosis")),
                rs.getString("subtype"),
                rs.getBoolean("bleeding_phenotype"),
                rs.getObject("previously_untreated", Boolean.class),
                rs.getObject("prior_exposure_days", Integer.class));
    }

    /** Columns a correction may set, by request field: the only names ever put into the update's SQL. */
    public static final Map<String, String> CORRECTABLE_COLUMNS = Map.ofEntries(
            Map.entry("givenName", "given_name"),
            Map.entry("familyName", "family_name"),
            Map.entry("dateOfBirth", "date_of_birth"),
            Map.entry("sex", "sex"),
            Map.entry("nationalIdScheme", "national_id_scheme"),
            Map.entry("nationalId", "national_id"),
            Map.entry("regionId", "region_id"),
            Map.entry("phone", "phone"),
            Map.entry("email", "email"),
            Map.entry("timeZone", "time_zone"),
            Map.entry("genotypeHgvs", "genotype_hgvs"),
            Map.entry("mutationClass", "mutation_class"),
            Map.entry("hivStatus", "hiv_status"),
            Map.entry("hepatitisBStatus", "hbv_status"),
            Map.entry("hepatitisCStatus", "hcv_status"),
            Map.entry("vcjdAtRisk", "vcjd_at_risk"),
            Map.entry("knowsDiagnosisAndProduct", "knows_diagnosis_and_product"),
            Map.entry("selfInfuses", "self_infuses"),
            Map.entry("ordersSupplies", "orders_supplies"),
            Map.entry("knowsEmergencyPlan", "knows_emergency_plan"),
            Map.entry("previouslyUntreated", "previously_untreated"),
            Map.entry("priorExposureDays", "prior_exposure_days"));

    /**
     * Sets the given columns (request field → value) and moves the version on, if the stored version is still
     * {@code expectedVersion}. Returns false (nothing changed) when it is not.
     */
    public boolean update(UUID id, int expectedVersion, Map<String, @Nullable Object> values) {
        StringBuilder sql = new StringBuilder("update patient.patient set version = version + 1, updated_at = now()");
        int i = 0;
        Map<String, @Nullable Object> params = new HashMap<>();
        for (Map.Entry<String, @Nullable Object> entry : values.entrySet()) {
            String column = CORRECTABLE_COLUMNS.get(entry.getKey());
            if (column == null) {
                throw new IllegalArgumentException("not a correctable field: " + entry.getKey());
            }
            String param = "v" + i++;
            sql.append(", ").append(column).append(" = :").append(param);
            params.put(param, entry.getValue());
        }
        sql.append(" where id = :id and version = :version and voided_at is null");
        var statement = jdbc.sql(sql.toString()).param("id", id).param("version", expectedVersion);
        for (Map.Entry<String, @Nullable Object> p : params.entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        return statement.update() == 1;
    }

    /** Moves the record to another registered centre if it is still at {@code expectedVersion}. */
    public boolean moveCentre(UUID id, int expectedVersion, UUID centreId) {
        return jdbc.sql(
                                """
                        update patient.patient set centre_id = :centre, version = version + 1, updated_at = now()
                        where id = :id and version = :version and voided_at is null""")
                        .param("id", id)
                        .param("version", expectedVersion)
                        .param("centre", centreId)
                        .update()
                == 1;
    }

    public void supersedeDiagnosis(UUID patientId, DiagnosisType type, @Nullable String subtype, boolean phenotype) {
        jdbc.sql("update patient.diagnosis set superseded_at = now() where patient_id = :p and superseded_at is null")
                .param("p", patientId)
                .update();
        jdbc.sql(
                        """
                        insert into patient.diagnosis (id, patient_id, type, subtype, bleeding_phenotype)
                        values (:id, :patient, :type, :subtype, :phenotype)
                        """)
                .param("id", UUID.randomUUID())
                .param("patient", patientId)
                .param("type", type.name())
                .param("subtype", subtype)
                .param("phenotype", phenotype)
                .update();
    }

    /** Ends shared care with centres not in {@code centres} and starts it with new ones. */
    public void setSharedCare(UUID patientId, Set<UUID> centres, LocalDate today) {
        Set<UUID> current = sharedCareCentres(patientId);
        for (UUID ended : current) {
            if (!centres.contains(ended)) {
                jdbc.sql(
                                """
                                update patient.shared_care set ended_on = :today
                                where patient_id = :p and centre_id = :c and ended_on is null
                                """)
                        .param("today", today)
                        .param("p", patientId)
                        .param("c", ended)
                        .update();
            }
        }
        for (UUID started : centres) {
            if (!current.contains(started)) {
                jdbc.sql(
                                """
                                insert into patient.shared_care (patient_id, centre_id, since) values (:p, :c, :today)
                                on conflict do nothing
                                """)
                        .param("p", patientId)
                        .param("c", started)
                        .param("today", today)
                        .update();
            }
        }
    }

    public void insertRevision(
            UUID patientId,
            int version,
            @Nullable UUID accountId,
            String username,
            String reason,
            String previousJson,
            String changesJson) {
        jdbc.sql(
                        """
                        insert into patient.revision (id, patient_id, version, changed_by_account, changed_by, reason,
                            previous, changes)
                        values (:id, :p, :version, :account, :by, :reason, cast(:previous as jsonb),
                            cast(:changes as jsonb))
                        """)
                .param("id", UUID.randomUUID())
                .param("p", patientId)
                .param("version", version)
                .param("account", accountId)
                .param("by", username)
                .param("reason", reason)
                .param("previous", previousJson)
                .param("changes", changesJson)
                .update();
    }

    public UUID insertInhibitorTest(
            UUID patientId,
            LocalDate sampledOn,
            BigDecimal residual,
            BigDecimal dilution,
            BigDecimal titre,
            String recordedBy) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into patient.inhibitor_test (id, patient_id, sampled_on, residual_activity_percent,
                            dilution, titre_bu, recorded_by)
                        values (:id, :patient, :on, :residual, :dilution, :titre, :by)
                        """)
                .param("id", id)
                .param("patient", patientId)
                .param("on", sampledOn)
                .param("residual", residual)
                .param("dilution", dilution)
                .param("titre", titre)
                .param("by", recordedBy)
                .update();
        return id;
    }

    public void insertSharedCare(UUID patientId, UUID centreId, LocalDate since) {
        jdbc.sql("insert into patient.shared_care (patient_id, centre_id, since) values (:p, :c, :since)")
                .param("p", patientId)
                .param("c", centreId)
                .param("since", since)
                .update();
    }

    public void insertRecordNumber(UUID patientId, UUID centreId, String mrn) {
        insertRecordNumber(patientId, centreId, mrn, null);
    }

    public void insertRecordNumber(UUID patientId, UUID centreId, String mrn, @Nullable String recordedBy) {
        jdbc.sql(
                        """
                        insert into patient.record_number (patient_id, centre_id, mrn, recorded_by)
                        values (:p, :c, :mrn, :by)
                        """)
                .param("p", patientId)
                .param("c", centreId)
                .param("mrn", mrn)
                .param("by", recordedBy)
                .update();
    }

    /** The patients a centre knows by these MRNs (its own record numbers), MRN → patient id. */
    public java.util.Map<String, UUID> patientsByRecordNumber(UUID centreId, java.util.Collection<String> mrns) {
        if (mrns.isEmpty()) {
            return java.util.Map.of();
        }
        return jdbc
                .sql("select mrn, patient_id from patient.record_number where centre_id = :c and mrn = any(:mrns)")
                .param("c", centreId)
                .param("mrns", mrns.toArray(String[]::new))
                .query((rs, n) -> java.util.Map.entry(rs.getString("mrn"), rs.getObject("patient_id", UUID.class)))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
    }

    /** Whether the centre already uses this MRN, or the patient already has an MRN at the centre. */
    public boolean recordNumberTaken(UUID patientId, UUID centreId, String mrn) {
        return jdbc.sql(
                                """
                        select count(*) from patient.record_number
                        where centre_id = :c and (mrn = :mrn or patient_id = :p)
                        """)
                        .param("c", centreId)
                        .param("mrn", mrn)
                        .param("p", patientId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void insertContact(
            UUID patientId, String kind, String name, @Nullable String relationship, @Nullable String phone) {
        insertContact(patientId, kind, name, relationship, phone, null);
    }

    public UUID insertContact(
            UUID patientId,
            String kind,
            String name,
            @Nullable String relationship,
            @Nullable String phone,
            @Nullable String recordedBy) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into patient.contact (id, patient_id, kind, name, relationship, phone, recorded_by)
                        values (:id, :p, :kind, :name, :relationship, :phone, :by)
                        """)
                .param("id", id)
                .param("p", patientId)
                .param("kind", kind)
                .param("name", name)
                .param("relationship", relationship)
                .param("phone", phone)
                .param("by", recordedBy)
                .update();
        return id;
    }

    public void insertFamilyLink(UUID patientId, UUID relativeId, String relationship) {
        insertFamilyLink(patientId, relativeId, null, relationship, CarrierStatus.UNKNOWN, null);
    }

    public UUID insertFamilyLink(
            UUID patientId,
            @Nullable UUID relativeId,
            @Nullable String relativeName,
            String relationship,
            CarrierStatus carrierStatus,
            @Nullable String recordedBy) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into patient.family_link
                            (id, patient_id, relative_id, relative_name, relationship, carrier_status, recorded_by)
                        values (:id, :p, :r, :name, :relationship, :carrier, :by)
                        """)
                .param("id", id)
                .param("p", patientId)
                .param("r", relativeId, java.sql.Types.OTHER)
                .param("name", relativeName)
                .param("relationship", relationship)
                .param("carrier", carrierStatus.name())
                .param("by", recordedBy)
                .update();
        return id;
    }

    public boolean familyLinked(UUID patientId, UUID relativeId) {
        return jdbc.sql(
                                """
                        select count(*) from patient.family_link
                        where patient_id = :p and relative_id = :r and voided_at is null
                        """)
                        .param("p", patientId)
                        .param("r", relativeId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public UUID insertConsent(
            UUID patientId, ConsentKind kind, boolean given, LocalDate recordedOn, String recordedBy) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into patient.consent (id, patient_id, kind, given, recorded_on, recorded_by)
                        values (:id, :p, :kind, :given, :on, :by)
                        """)
                .param("id", id)
                .param("p", patientId)
                .param("kind", kind.name())
                .param("given", given)
                .param("on", recordedOn)
                .param("by", recordedBy)
                .update();
        return id;
    }

    public void insertCareTeamMember(UUID patientId, String role, String name) {
        jdbc.sql("insert into patient.care_team_member (id, patient_id, role, name) values (:id, :p, :role, :name)")
                .param("id", UUID.randomUUID())
                .param("p", patientId)
                .param("role", role)
                .param("name", name)
                .update();
    }

    public UUID insertItiEpisode(
            UUID patientId,
            LocalDate startedOn,
            String regimen,
            @Nullable UUID productId,
            @Nullable LocalDate endedOn,
            @Nullable String outcome,
            @Nullable String recordedBy) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into patient.iti_episode
                            (id, patient_id, started_on, regimen, product_id, ended_on, outcome, recorded_by)
                        values (:id, :p, :start, :regimen, :product, :end, :outcome, :by)
                        """)
                .param("id", id)
                .param("p", patientId)
                .param("start", startedOn)
                .param("regimen", regimen)
                .param("product", productId, java.sql.Types.OTHER)
                .param("end", endedOn)
                .param("outcome", outcome)
                .param("by", recordedBy)
                .update();
        return id;
    }

    public void setStatus(
            UUID patientId,
            String hiv,
            String hbv,
            String hcv,
            boolean vcjd,
            @Nullable String hgvs,
            @Nullable String mutationClass) {
        jdbc.sql(
                        """
                        update patient.patient set hiv_status = :hiv, hbv_status = :hbv, hcv_status = :hcv,
                            vcjd_at_risk = :vcjd, genotype_hgvs = :hgvs, mutation_class = :class
                        where id = :p
                        """)
                .param("hiv", hiv)
                .param("hbv", hbv)
                .param("hcv", hcv)
                .param("vcjd", vcjd)
                .param("hgvs", hgvs)
                .param("class", mutationClass)
                .param("p", patientId)
                .update();
    }

    public boolean nationalIdTaken(String scheme, String nationalId, @Nullable UUID except) {
        return jdbc.sql(
                                """
                        select count(*) from patient.patient where national_id_scheme = :scheme
                        and national_id = :nid and voided_at is null and (cast(:except as uuid) is null or id <> :except)
                        """)
                        .param("scheme", scheme)
                        .param("nid", nationalId)
                        .param("except", except, java.sql.Types.OTHER)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static ListingRow listingRow(ResultSet rs, int n) throws SQLException {
        return new ListingRow(
                rs.getObject("id", UUID.class),
                rs.getObject("centre_id", UUID.class),
                rs.getString("given_name"),
                rs.getString("family_name"),
                Sex.valueOf(rs.getString("sex")),
                DiagnosisType.valueOf(rs.getString("diagnosis")),
                rs.getBoolean("bleeding_phenotype"),
                rs.getBigDecimal("level_iu_per_dl"),
                ZoneId.of(rs.getString("time_zone")));
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
                rs.getObject("weighed_on", LocalDate.class),
                ZoneId.of(rs.getString("time_zone")));
    }
}
