package org.hemonet.centre;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** A centre with its roster: what the centre list, the centre API and the designation report show. */
public record CentreProfile(
        UUID id,
        String code,
        String name,
        CentreType type,
        UUID regionId,
        String regionName,
        @Nullable String phone24h,
        @Nullable String onCallArrangement,
        boolean coagulationLaboratory,
        @Nullable String laboratoryCapability,
        boolean cover24h,
        List<TeamMember> coreTeam,
        List<TeamMember> extendedTeam,
        Set<TeamRole> missingCoreRoles) {

    static CentreProfile of(Centre centre, List<TeamMember> team) {
        List<TeamMember> core = team.stream().filter(m -> m.role().isCore()).toList();
        Set<TeamRole> missing = EnumSet.noneOf(TeamRole.class);
        for (TeamRole role : TeamRole.values()) {
            if (role.isCore() && core.stream().noneMatch(m -> m.role() == role)) {
                missing.add(role);
            }
        }
        return new CentreProfile(
                centre.id(),
                centre.code(),
                centre.name(),
                centre.type(),
                centre.regionId(),
                centre.regionName(),
                centre.phone24h(),
                centre.onCallArrangement(),
                centre.coagulationLaboratory(),
                centre.laboratoryCapability(),
                centre.cover24h(),
                core,
                team.stream().filter(m -> !m.role().isCore()).toList(),
                missing.stream().collect(Collectors.toCollection(() -> EnumSet.noneOf(TeamRole.class))));
    }

    /** Haematologist, nurse coordinator, physiotherapist and social worker all on the roster (clinical.md §7). */
    public boolean coreTeamComplete() {
        return missingCoreRoles.isEmpty();
    }
}
