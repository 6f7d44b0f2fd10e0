package org.hemonet.lab.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hemonet.lab.Analyte;
import org.hemonet.lab.AssayMethod;
import org.hemonet.lab.LabResult;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The lab module's SQL (schema {@code lab}). */
@Repository
public class LabQueries {

    private final JdbcClient jdbc;

    LabQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(LabResult r) {
        jdbc.sql(
                        """
                        insert into lab.result (id, patient_id, analyte, method, value, unit, canonical_value,
                            reference_low, reference_high, sampled_on, source, laboratory, recorded_by, recorded_at)
                        values (:id, :patient, :analyte, :method, :value, :unit, :canonical, :low, :high, :sampled,
                            :source, :laboratory, :by, :at)""")
                .param("id", r.id())
                .param("patient", r.patientId())
                .param("analyte", r.analyte().name())
                .param("method", r.method() == null ? null : r.method().name())
                .param("value", r.value())
                .param("unit", r.unit())
                .param("canonical", r.canonicalValue())
                .param("low", r.referenceLow())
                .param("high", r.referenceHigh())
                .param("sampled", r.sampledOn())
                .param("source", r.source())
                .param("laboratory", r.laboratory())
                .param("by", r.recordedBy())
                .param("at", Timestamp.from(r.recordedAt()))
                .update();
    }

    public Optional<LabResult> find(UUID id) {
        return jdbc.sql("select * from lab.result where id = :id")
                .param("id", id)
                .query(LabQueries::row)
                .optional();
    }

    /** The patient's results, oldest sample first (voided ones too: the caller filters); one analyte or all. */
    public List<LabResult> ofPatient(UUID patientId, @Nullable Analyte analyte) {
        return jdbc.sql(
                        """
                        select * from lab.result
                         where patient_id = :patient and (cast(:analyte as text) is null or analyte = :analyte)
                         order by sampled_on, recorded_at""")
                .param("patient", patientId)
                .param("analyte", analyte == null ? null : analyte.name())
                .query(LabQueries::row)
                .list();
    }

    /** The valid results of several patients for some analytes, oldest first (the centre's gene therapy list). */
    public List<LabResult> ofPatients(Collection<UUID> patientIds, Collection<Analyte> analytes) {
        if (patientIds.isEmpty() || analytes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select * from lab.result
                         where patient_id in (:patients) and analyte in (:analytes) and voided_at is null
                         order by sampled_on, recorded_at""")
                .param("patients", patientIds)
                .param("analytes", analytes.stream().map(Enum::name).toList())
                .query(LabQueries::row)
                .list();
    }

    public boolean voidResult(UUID id, String by, Instant at, String reason) {
        return jdbc.sql(
                                """
                                update lab.result set voided_at = :at, voided_by = :by, void_reason = :reason
                                 where id = :id and voided_at is null""")
                        .param("id", id)
                        .param("at", Timestamp.from(at))
                        .param("by", by)
                        .param("reason", reason)
                        .update()
                == 1;
    }

    private static LabResult row(ResultSet rs, int n) throws SQLException {
        Analyte analyte = Analyte.valueOf(rs.getString("analyte"));
        String method = rs.getString("method");
        Timestamp voided = rs.getTimestamp("voided_at");
        java.math.BigDecimal canonical = rs.getBigDecimal("canonical_value").stripTrailingZeros();
        java.math.BigDecimal low = strip(rs.getBigDecimal("reference_low"));
        java.math.BigDecimal high = strip(rs.getBigDecimal("reference_high"));
        return new LabResult(
                rs.getObject("id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                analyte,
                method == null ? null : AssayMethod.valueOf(method),
                rs.getBigDecimal("value").stripTrailingZeros(),
                rs.getString("unit"),
                canonical,
                analyte.canonicalUnit(),
                low,
                high,
                flag(canonical, low, high),
                rs.getObject("sampled_on", java.time.LocalDate.class),
                rs.getString("source"),
                rs.getString("laboratory"),
                rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant(),
                voided == null ? null : voided.toInstant(),
                rs.getString("void_reason"));
    }

    private static java.math.@Nullable BigDecimal strip(java.math.@Nullable BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }

    private static String flag(
            java.math.BigDecimal value, java.math.@Nullable BigDecimal low, java.math.@Nullable BigDecimal high) {
        if (high != null && value.compareTo(high) > 0) {
            return "HIGH";
        }
        if (low != null && value.compareTo(low) < 0) {
            return "LOW";
        }
        return "NORMAL";
    }
}
