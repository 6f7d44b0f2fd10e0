package org.hemonet.message;

import java.util.UUID;

/** A member of a centre's team a thread may be assigned to. */
public record Colleague(UUID accountId, String displayName, String role) {}
