package org.hemonet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.hemonet.shared.Actor;
import org.junit.jupiter.api.Test;

/** An OAuth2 client acting for itself (role SYSTEM) is not an account and reaches no patient-level data. */
class AccessPolicySystemActorTest {

    private final AccessPolicy policy = new AccessPolicy();
    private final UUID centre = UUID.randomUUID();
    private final PatientScope patient = new PatientScope(UUID.randomUUID(), centre, Set.of());

    @Test
    void systemClientReachesNoPatient() {
        Actor system = new Actor(UUID.randomUUID(), "hemonet-demo-system", "SYSTEM", Set.of(centre), Set.of());
        assertThat(policy.usesPatientData(system)).isFalse();
        assertThat(policy.mayRead(system, patient)).isFalse();
        assertThat(policy.mayWrite(system, patient)).isFalse();
        assertThat(policy.maySeeInfectionStatus(system, patient)).isFalse();
        assertThat(policy.searchableCentres(system)).isEmpty();
    }

    @Test
    void centreStaffStillReachTheirCentresPatients() {
        Actor clinician = new Actor(UUID.randomUUID(), "c", "CLINICIAN", Set.of(centre), Set.of());
        assertThat(policy.mayRead(clinician, patient)).isTrue();
        assertThat(policy.searchableCentres(clinician)).containsExactly(centre);
    }
}
