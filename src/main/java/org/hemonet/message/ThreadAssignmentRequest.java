package org.hemonet.message;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Assigns a thread to a colleague of its centre, or (null) to nobody. */
public record ThreadAssignmentRequest(@Nullable UUID assignedTo) {}
