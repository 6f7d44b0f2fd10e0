package org.hemonet.diary;

import java.time.Instant;

/**
 * An earlier version of a corrected entry ({@link Bleed} or {@link Infusion}) with who replaced it, when and why.
 *
 * @param version the version number it had (the first is 0)
 */
public record Revision<T>(int version, T previous, Instant correctedAt, String correctedBy, String reason) {}
