package org.hemonet.trial.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.Severity;
import org.hemonet.trial.Approach;
import org.hemonet.trial.ApproachStatus;
import org.hemonet.trial.InhibitorCriterion;
import org.hemonet.trial.PriorTreatment;
import org.hemonet.trial.Trial;
import org.hemonet.trial.TrialCriteria;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The trial module's SQL (schema {@code trial}). */
@Repository
public class TrialQueries {

    private final JdbcClient jdbc;

    TrialQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Trial t) {
        jdbc.sql(
                        """
                        insert into trial.trial (id, centre_id, title, registry_id, sponsor, summary, diagnoses,
                            severities, inhibitor, min_age, max_age, prior_treatment, status, created_at, created_by)
                        values (:id, :centre, :title, :registry, :sponsor, :summary, :diagnoses, :severities,
                            :inhibitor, :minAge, :maxAge, :prior, 'OPEN', :at, :by)""")
                .param("id", t.id())
                .param("centre", t.centreId())
                .param("title", t.title())
                .param("registry", t.registryId())
                .param("sponsor", t.sponsor())
                .param("summary", t.summary())
                .param("diagnoses", names(t.criteria().diagnoses()))
                .param("severities", names(t.criteria().severities()))
                .param("inhibitor", t.criteria().inhibitor().name())
                .param("minAge", t.criteria().minAge())
                .param("maxAge", t.criteria().maxAge())
                .param("prior", t.criteria().priorTreatment().name())
                .param("at", Timestamp.from(t.createdAt()))
                .param("by", t.createdBy())
                .update();
    }

    /** Closes a trial at {@code version}; false when it moved on (or was closed) meanwhile. */
    public boolean close(UUID id, int version, Instant at, String by) {
        return jdbc.sql(
                                """
                        update trial.trial set status = 'CLOSED', closed_at = :at, closed_by = :by,
                            version = version + 1
                        where id = :id and version = :version and status = 'OPEN'""")
                        .param("id", id)
                        .param("version", version)
                        .param("at", Timestamp.from(at))
                        .param("by", by)
                        .update()
                == 1;
    }

    public Optional<Trial> find(UUID id) {
        return jdbc.sql("select * from trial.trial where id = :id")
                .param("id", id)
                .query(TrialQueries::trial)
                .optional();
    }

    public List<Trial> ofCentres(Collection<UUID> centreIds) {
        if (centreIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from trial.trial where centre_id = any(:c) order by status desc, created_at desc")
                .param("c", centreIds.toArray(UUID[]::new))
                .query(TrialQueries::trial)
                .list();
    }

    public void insertApproach(Approach a) {
        jdbc.sql(
                        """
                        insert into trial.approach (id, trial_id, patient_id, status, on_date, note, recorded_at,
                            recorded_by)
                        values (:id, :trial, :patient, :status, :on, :note, :at, :by)""")
                .param("id", a.id())
                .param("trial", a.trialId())
                .param("patient", a.patientId())
                .param("status", a.status().name())
                .param("on", a.onDate())
                .param("note", a.note())
                .param("at", Timestamp.from(a.recordedAt()))
                .param("by", a.recordedBy())
                .update();
    }

    /** Every step of every approach to the trial, oldest first. */
    public List<Approach> approaches(UUID trialId) {
        return jdbc.sql("select * from trial.approach where trial_id = :t order by recorded_at, id")
                .param("t", trialId)
                .query((rs, n) -> new Approach(
                        rs.getObject("id", UUID.class),
                        rs.getObject("trial_id", UUID.class),
                        rs.getObject("patient_id", UUID.class),
                        ApproachStatus.valueOf(rs.getString("status")),
                        rs.getObject("on_date", LocalDate.class),
                        rs.getString("note"),
                        rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("recorded_by")))
                .list();
    }

    public void insertInterest(UUID patientId, boolean interested, Instant at, String by) {
        jdbc.sql(
                        """
                        insert into trial.research_interest (id, patient_id, interested, recorded_at, recorded_by)
                        values (:id, :p, :i, :at, :by)""")
                .param("id", UUID.randomUUID())
                .param("p", patientId)
                .param("i", interested)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .update();
    }

    /** Each patient's latest answer to "would you like to hear about research?". */
    public Map<UUID, Boolean> interests(Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Boolean> latest = new HashMap<>();
        jdbc.sql(
                        """
                        select distinct on (patient_id) patient_id, interested from trial.research_interest
                        where patient_id = any(:p) order by patient_id, recorded_at desc, id""")
                .param("p", patientIds.toArray(UUID[]::new))
                .query((rs, n) -> latest.put(rs.getObject("patient_id", UUID.class), rs.getBoolean("interested")))
                .list();
        return latest;
    }

    private static String[] names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    private static <E extends Enum<E>> Set<E> enums(@Nullable Array array, Class<E> type) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        return Arrays.stream((String[]) array.getArray())
                .map(s -> Enum.valueOf(type, s))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static Trial trial(ResultSet rs, int n) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Trial(
                rs.getObject("id", UUID.class),
                rs.getObject("centre_id", UUID.class),
                rs.getString("title"),
                rs.getString("registry_id"),
                rs.getString("sponsor"),
                rs.getString("summary"),
                new TrialCriteria(
                        enums(rs.getArray("diagnoses"), DiagnosisType.class),
                        enums(rs.getArray("severities"), Severity.class),
                        InhibitorCriterion.valueOf(rs.getString("inhibitor")),
                        (Integer) rs.getObject("min_age"),
                        (Integer) rs.getObject("max_age"),
                        PriorTreatment.valueOf(rs.getString("prior_treatment"))),
                rs.getString("status"),
                rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                closed == null ? null : closed.toInstant());
    }
}
