package org.hemonet.safety;

import org.hemonet.safety.internal.SafetyQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adverse events as part of a data load (the demo network, imports), like {@link
 * org.hemonet.patient.PatientRegistry#register(org.hemonet.patient.NewPatient)}: no actor, no access check, no audit
 * event. Never reachable from a request.
 */
@Service
public class AdverseEventLoads {

    private final SafetyQueries queries;

    AdverseEventLoads(SafetyQueries queries) {
        this.queries = queries;
    }

    @Transactional
    public void load(AdverseEvent event) {
        queries.insert(event);
    }
}
