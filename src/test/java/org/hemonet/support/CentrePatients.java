package org.hemonet.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How many patients a centre's team should see on its list: registered at the centre or in open shared care with it,
 * not voided (security.md §2). Counted straight from the tables, so a test that registers its own patients at a centre
 * does not break another test's expected count.
 */
public final class CentrePatients {

    private CentrePatients() {}

    /** The (first) centre of a staff account, e.g. to register a test's own patient where that person works. */
    public static java.util.UUID centreOf(JdbcClient jdbc, String staffUsername) {
        return jdbc.sql(
                        """
                        select ac.centre_id from identity.account_centre ac
                        join identity.account a on a.id = ac.account_id where a.username = :u
                        order by ac.centre_id limit 1""")
                .param("u", staffUsername)
                .query(java.util.UUID.class)
                .single();
    }

    public static long visibleTo(JdbcClient jdbc, String centreName) {
        return jdbc.sql(
                        """
                        select count(*) from patient.patient p
                        where p.voided_at is null
                          and (p.centre_id = (select id from centre.centre where name = :name)
                               or exists (select 1 from patient.shared_care s
                                          where s.patient_id = p.id and s.ended_on is null
                                            and s.centre_id = (select id from centre.centre where name = :name)))""")
                .param("name", centreName)
                .query(Long.class)
                .single();
    }
}
