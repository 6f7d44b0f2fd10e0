package org.hemonet.patient.internal;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hemonet.patient.DiagnosisType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The previously untreated patients (PUPs) of the registry, for inhibitor surveillance (clinical.md §9). */
@Repository
public class PreviouslyUntreatedQueries {

    /** A living record marked previously untreated, with what surveillance needs: centre, diagnosis, time zone. */
    public record Row(UUID patientId, UUID centreId, DiagnosisType diagnosis, ZoneId zone) {}

    private final JdbcClient jdbc;

    PreviouslyUntreatedQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The PUPs registered at the given centres, or at every centre when {@code centreIds} is empty. */
    public List<Row> registeredAt(Collection<UUID> centreIds) {
        return jdbc.sql(
                        """
                        select p.id, p.centre_id, p.time_zone, d.type
                        from patient.patient p
                        join patient.diagnosis d on d.patient_id = p.id and d.superseded_at is null
                        where p.previously_untreated and p.voided_at is null
                          and (:all or p.centre_id in (:centres))
                        order by p.id
                        """)
                .param("all", centreIds.isEmpty())
                .param("centres", centreIds.isEmpty() ? List.of(new UUID(0, 0)) : centreIds)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getObject("centre_id", UUID.class),
                        DiagnosisType.valueOf(rs.getString("type")),
                        ZoneId.of(rs.getString("time_zone"))))
                .list();
    }

    /** A living patient's diagnosis and time zone, for surveillance that runs without an actor. */
    public Optional<Row> surveillanceFacts(UUID patientId) {
        return jdbc.sql(
                        """
                        select p.id, p.centre_id, p.time_zone, d.type
                        from patient.patient p
                        join patient.diagnosis d on d.patient_id = p.id and d.superseded_at is null
                        where p.id = :id and p.voided_at is null
                        """)
                .param("id", patientId)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getObject("centre_id", UUID.class),
                        DiagnosisType.valueOf(rs.getString("type")),
                        ZoneId.of(rs.getString("time_zone"))))
                .optional();
    }
}
