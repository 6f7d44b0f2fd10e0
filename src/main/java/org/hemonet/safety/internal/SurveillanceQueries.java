package org.hemonet.safety.internal;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What inhibitor surveillance (clinical.md §2, §9) reads of the safety module's own reports. */
@Repository
public class SurveillanceQueries {

    private final JdbcClient jdbc;

    SurveillanceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Has surveillance filed a report, in any status (voided included), for this patient's inhibitor of that onset? */
    public boolean surveillanceDraftExists(UUID patientId, LocalDate onsetOn) {
        return jdbc.sql(
                        """
                        select exists (select 1 from safety.adverse_event
                            where patient_id = :p and onset_on = :on
                              and source = 'INHIBITOR_SURVEILLANCE' and category = 'INHIBITOR')
                        """)
                .param("p", patientId)
                .param("on", onsetOn)
                .query(Boolean.class)
                .single();
    }
}
