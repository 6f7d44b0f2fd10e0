package org.hemonet.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hemonet.outcome.CohortOutcomes;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SQL of {@link PatientYears}' table, {@code report.patient_year}: each patient's figures of a year with the digest
 * of what they were computed from. Written in a transaction of its own (a report may be read inside a read-only one).
 */
@Component
class PatientYearRows {

    /** A stored row: the digest it was computed from and its figures. */
    record Row(String inputs, PatientYears.Figures figures) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate own;

    PatientYearRows(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The stored rows of {@code year} for these patients. */
    Map<UUID, Row> of(int year, Collection<UUID> patientIds) {
        Map<UUID, Row> rows = new HashMap<>();
        if (patientIds.isEmpty()) {
            return rows;
        }
        jdbc.sql("select * from report.patient_year where year = :year and patient_id = any(:ids)")
                .param("year", year)
                .param("ids", patientIds.toArray(UUID[]::new))
                .query((rs, n) -> rows.put(rs.getObject("patient_id", UUID.class), row(rs)))
                .list();
        return rows;
    }

    /** Stores (or replaces) the figures of {@code year} computed from {@code inputs}, per patient. */
    void store(int year, List<Map.Entry<UUID, Row>> computed) {
        if (computed.isEmpty()) {
            return;
        }
        own.executeWithoutResult(status -> {
            for (List<Map.Entry<UUID, Row>> piece : org.hemonet.shared.Chunks.of(computed, 500)) {
                StringBuilder sql = new StringBuilder(
                        """
                        insert into report.patient_year (patient_id, year, inputs, abr, episodes, ajbr,
                            observation_days, measured_ajbr, joint_immobilising, target_joint, pain_mean, days_lost,
                            adherence_percent, completeness_percent) values
                        """);
                Map<String, Object> params = new HashMap<>();
                for (int i = 0; i < piece.size(); i++) {
                    sql.append(i == 0 ? "" : ",")
                            .append(("(:p%1$d, :year, :i%1$d, :abr%1$d, :ep%1$d, :aj%1$d, :od%1$d, :maj%1$d, :ji%1$d,"
                                            + " :tj%1$d, :pm%1$d, :dl%1$d, :ad%1$d, :cp%1$d)")
                                    .formatted(i));
                    UUID id = piece.get(i).getKey();
                    Row row = piece.get(i).getValue();
                    CohortOutcomes.PatientBleeds b = row.figures().bleeds();
                    CentreMeasures.Measured m = row.figures().measured();
                    params.put("p" + i, id);
                    params.put("i" + i, row.inputs());
                    params.put("abr" + i, b == null ? null : b.abr());
                    params.put("ep" + i, b == null ? null : b.episodes());
                    params.put("aj" + i, b == null ? null : b.ajbr());
                    params.put("od" + i, m == null ? null : m.observationDays());
                    params.put("maj" + i, m == null ? null : m.ajbr());
                    params.put("ji" + i, m == null ? null : m.jointImmobilising());
                    params.put("tj" + i, m == null ? null : m.targetJoint());
                    params.put("pm" + i, m == null ? null : m.painMean());
                    params.put("dl" + i, m == null ? null : m.daysLost());
                    params.put("ad" + i, m == null ? null : m.adherencePercent());
                    params.put("cp" + i, m == null ? null : m.completenessPercent());
                }
                sql.append(
                        """
                         on conflict (patient_id, year) do update set inputs = excluded.inputs, abr = excluded.abr,
                            episodes = excluded.episodes, ajbr = excluded.ajbr,
                            observation_days = excluded.observation_days, measured_ajbr = excluded.measured_ajbr,
                            joint_immobilising = excluded.joint_immobilising, target_joint = excluded.target_joint,
                            pain_mean = excluded.pain_mean, days_lost = excluded.days_lost,
                            adherence_percent = excluded.adherence_percent,
                            completeness_percent = excluded.completeness_percent, computed_at = now()
                        """);
                var statement = jdbc.sql(sql.toString()).param("year", year);
                for (Map.Entry<String, Object> p : params.entrySet()) {
                    statement = statement.param(p.getKey(), p.getValue(), sqlType(p.getKey()));
                }
                statement.update();
            }
        });
    }

    /** The SQL type of a parameter by its name's prefix, so that a null is typed. */
    private static int sqlType(String name) {
        String prefix = name.replaceAll("\\d+$", "");
        return switch (prefix) {
            case "p" -> java.sql.Types.OTHER;
            case "i" -> java.sql.Types.VARCHAR;
            case "ep", "od", "ji", "dl" -> java.sql.Types.INTEGER;
            case "tj" -> java.sql.Types.BOOLEAN;
            default -> java.sql.Types.NUMERIC;
        };
    }

    private static Row row(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("patient_id", UUID.class);
        java.math.BigDecimal abr = rs.getBigDecimal("abr");
        CohortOutcomes.PatientBleeds bleeds = abr == null
                ? null
                : new CohortOutcomes.PatientBleeds(abr, rs.getInt("episodes"), rs.getBigDecimal("ajbr"));
        Integer days = integer(rs, "observation_days");
        CentreMeasures.Measured measured = days == null
                ? null
                : new CentreMeasures.Measured(
                        id,
                        days,
                        rs.getBigDecimal("measured_ajbr"),
                        rs.getInt("joint_immobilising"),
                        rs.getBoolean("target_joint"),
                        rs.getBigDecimal("pain_mean"),
                        rs.getInt("days_lost"),
                        rs.getBigDecimal("adherence_percent"),
                        rs.getBigDecimal("completeness_percent"));
        return new Row(rs.getString("inputs"), new PatientYears.Figures(bleeds, measured));
    }

    private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
