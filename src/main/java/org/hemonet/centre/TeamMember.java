package org.hemonet.centre;

import java.util.UUID;

/** A named member of a centre's team. */
public record TeamMember(UUID id, UUID centreId, TeamRole role, String name, boolean core) {}
