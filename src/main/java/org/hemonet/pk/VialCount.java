package org.hemonet.pk;

/** {@code count} vials of {@code sizeIu} IU. */
public record VialCount(int sizeIu, int count) {}
