package org.hemonet.pathway.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hemonet.pathway.JointClinic;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of joint transition clinics ({@code pathway.joint_clinic}). */
@Repository
public class JointClinicQueries {

    private final JdbcClient jdbc;

    JointClinicQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(JointClinic c) {
        jdbc.sql(
                        """
                        insert into pathway.joint_clinic (id, patient_id, clinic_on, adult_centre_id, note, recorded_at,
                            recorded_by)
                        values (:id, :p, :on, :adult, :note, :at, :by)""")
                .param("id", c.id())
                .param("p", c.patientId())
                .param("on", c.clinicOn())
                .param("adult", c.adultCentreId())
                .param("note", c.note())
                .param("at", Timestamp.from(c.recordedAt()))
                .param("by", c.recordedBy())
                .update();
    }

    public boolean cancel(UUID id, Instant at, String by) {
        return jdbc.sql(
                                """
                        update pathway.joint_clinic set cancelled_at = :at, cancelled_by = :by
                        where id = :id and cancelled_at is null""")
                        .param("id", id)
                        .param("at", Timestamp.from(at))
                        .param("by", by)
                        .update()
                == 1;
    }

    public Optional<JointClinic> find(UUID id) {
        return jdbc.sql("select * from pathway.joint_clinic where id = :id")
                .param("id", id)
                .query(JointClinicQueries::clinic)
                .optional();
    }

    /** A patient's clinics, soonest date first, cancelled ones included. */
    public List<JointClinic> ofPatient(UUID patientId) {
        return jdbc.sql("select * from pathway.joint_clinic where patient_id = :p order by clinic_on, recorded_at")
                .param("p", patientId)
                .query(JointClinicQueries::clinic)
                .list();
    }

    /** Each patient's next clinic on or after {@code from} that is not cancelled. */
    public Map<UUID, LocalDate> next(Collection<UUID> patientIds, LocalDate from) {
        Map<UUID, LocalDate> next = new HashMap<>();
        if (patientIds.isEmpty()) {
            return next;
        }
        jdbc.sql(
                        """
                        select patient_id, min(clinic_on) as next_on from pathway.joint_clinic
                        where patient_id = any(:p) and cancelled_at is null and clinic_on >= :from
                        group by patient_id""")
                .param("p", patientIds.toArray(UUID[]::new))
                .param("from", from)
                .query((rs, n) ->
                        next.put(rs.getObject("patient_id", UUID.class), rs.getObject("next_on", LocalDate.class)))
                .list();
        return next;
    }

    private static JointClinic clinic(ResultSet rs, int n) throws SQLException {
        Timestamp cancelled = rs.getTimestamp("cancelled_at");
        return new JointClinic(
                rs.getObject("id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getObject("clinic_on", LocalDate.class),
                rs.getObject("adult_centre_id", UUID.class),
                rs.getString("note"),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("recorded_by"),
                cancelled == null ? null : cancelled.toInstant(),
                rs.getString("cancelled_by"));
    }
}
