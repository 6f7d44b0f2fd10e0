/**
 * Clinical trials (issue 17): a centre lists its open trials with their criteria (diagnosis, severity, inhibitor
 * status, age, prior treatment), sees which of its patients are eligible, and records who was approached and whether
 * they consented; patients and parents record whether they would like to hear about research.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "patient", "supply", "product", "audit"})
@org.jspecify.annotations.NullMarked
package org.hemonet.trial;
