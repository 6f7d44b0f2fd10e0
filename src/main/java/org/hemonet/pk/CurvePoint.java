package org.hemonet.pk;

/**
 * One point of an estimated level–time curve: hours from the first dose, the level at the MAP estimate and the 90 %
 * band (5th and 95th percentiles over draws of η from its Laplace posterior).
 */
public record CurvePoint(double hours, double iuPerDl, double lo90, double hi90) {}
