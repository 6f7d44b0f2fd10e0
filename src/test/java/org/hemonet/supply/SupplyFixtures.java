package org.hemonet.supply;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Looks up demo patients and products by name, and counts audit events, for the supply tests. */
final class SupplyFixtures {

    private final JdbcClient jdbc;

    SupplyFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID patient(String given, String family) {
        return jdbc.sql("select id from patient.patient where given_name = :g and family_name = :f")
                .param("g", given)
                .param("f", family)
                .query(UUID.class)
                .single();
    }

    UUID tom() {
        return patient("Tom", "Bradley");
    }

    UUID leo() {
        return patient("Leo", "Okafor");
    }

    /**
     * The n-th (0-based) demo patient of Tom's centre other than Tom, by id. Only the demo network's patients (all
     * stored in the loader's one transaction, so they share the first {@code created_at}) count: patients that other
     * tests in the same JVM register must not shift the pick.
     */
    UUID otherNorthPatient(int n) {
        return jdbc.sql(
                        """
                        select p.id from patient.patient p
                        where p.centre_id = (select centre_id from patient.patient where given_name = 'Tom'
                                             and family_name = 'Bradley')
                          and not (p.given_name = 'Tom' and p.family_name = 'Bradley')
                          and p.created_at = (select min(created_at) from patient.patient)
                        order by p.id offset :n limit 1
                        """)
                .param("n", n)
                .query(UUID.class)
                .single();
    }

    UUID product(String brand) {
        return jdbc.sql("select id from product.product where brand_name = :b")
                .param("b", brand)
                .query(UUID.class)
                .single();
    }

    long auditEvents(UUID patientId, String username, String resource, String action, String outcome) {
        return jdbc.sql(
                        """
                        select count(*) from audit.event where patient_id = :p and username = :u
                          and resource_type = :r and action = :a and outcome = :o
                        """)
                .param("p", patientId)
                .param("u", username)
                .param("r", resource)
                .param("a", action)
                .param("o", outcome)
                .query(Long.class)
                .single();
    }

    /** As {@link #auditEvents}, for one resource (e.g. one recall): other tests' events on the patient do not count. */
    long auditEvents(
            UUID patientId, String username, String resource, String resourceId, String action, String outcome) {
        return jdbc.sql(
                        """
                        select count(*) from audit.event where patient_id = :p and username = :u
                          and resource_type = :r and resource_id = :id and action = :a and outcome = :o
                        """)
                .param("p", patientId)
                .param("u", username)
                .param("r", resource)
                .param("id", resourceId)
                .param("a", action)
                .param("o", outcome)
                .query(Long.class)
                .single();
    }
}
