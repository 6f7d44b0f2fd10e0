package org.hemonet.centre;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A region of residence, with its latest known population. */
public record Region(UUID id, String code, String name, @Nullable Long population, @Nullable Integer populationYear) {}
