package org.hemonet.identity;

import java.util.Set;
import java.util.UUID;
import org.hemonet.shared.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether an actor may read or write a patient's data (security.md §1–§6). Every module
 * asks it; a "no" must look to the caller exactly like an unknown id (404).
 */
@Component
public class AccessPolicy {

    /** May the actor read the patient's clinical record? */
    public boolean mayRead(Actor actor, PatientScope patient) {
        Role role = accountRole(actor);
        if (role == null) {
            return false;
        }
        if (role == Role.PATIENT) {
            return actor.patientIds().contains(patient.patientId());
        }
        if (role.isCentreStaff()) {
            return patient.isCaredForAt(actor.centreIds());
        }
        return false;
    }

    /** May the actor add to or correct the patient's record? Same reach as reading for now. */
    public boolean mayWrite(Actor actor, PatientScope patient) {
        return mayRead(actor, patient);
    }

    /** May the actor see infection and vCJD-risk status: clinical roles of the patient's centres only. */
    public boolean maySeeInfectionStatus(Actor actor, PatientScope patient) {
        Role role = accountRole(actor);
        return (role == Role.CLINICIAN || role == Role.NURSE) && patient.isCaredForAt(actor.centreIds());
    }

    /** Does the actor work with patient-level data at all? Aggregate roles and admins do not (security.md §6). */
    public boolean usesPatientData(Actor actor) {
        Role role = accountRole(actor);
        return role != null && (role == Role.PATIENT || role.isCentreStaff());
    }

    /** The centres whose patient lists the actor may search (empty for everyone else). */
    public Set<UUID> searchableCentres(Actor actor) {
        Role role = accountRole(actor);
        return role != null && role.isCentreStaff() ? actor.centreIds() : Set.of();
    }

    /**
     * The actor's account role, or null for an actor that is not an account: an OAuth2 client acting for itself (role
     * {@code SYSTEM}), which reaches no patient-level data until an issue grants it some (e.g. bulk export).
     */
    private static @Nullable Role accountRole(Actor actor) {
        for (Role role : Role.values()) {
            if (role.name().equals(actor.role())) {
                return role;
            }
        }
        return null;
    }
}
