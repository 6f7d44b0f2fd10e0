package org.hemonet.pk;

import java.time.Instant;

/** A measured factor activity: {@code iuPerDl} (endogenous baseline included) in a sample drawn {@code at}. */
public record LevelSample(Instant at, double iuPerDl) {}
