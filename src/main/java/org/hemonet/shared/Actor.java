package org.hemonet.shared;

import java.util.Set;
import java.util.UUID;

/**
 * Who is acting: the signed-in account (or API client) with its role and the centres it works at. Modules receive it
 * from {@link CurrentActor}; the identity module supplies it.
 *
 * @param accountId the account, or a fixed id for a system client
 * @param username login name or OAuth2 client id
 * @param role one of {@code PATIENT, CLINICIAN, NURSE, PHYSIO, SOCIAL_WORKER, LAB, NETWORK_ANALYST, COMMISSIONER,
 *     ADMIN, SYSTEM}
 * @param centreIds centres of a staff account (empty for others)
 * @param patientIds records a patient or guardian account holds (empty for others)
 */
public record Actor(UUID accountId, String username, String role, Set<UUID> centreIds, Set<UUID> patientIds) {

    public Actor {
        centreIds = Set.copyOf(centreIds);
        patientIds = Set.copyOf(patientIds);
    }

    public boolean hasRole(String candidate) {
        return role.equals(candidate);
    }
}
