/**
 * The patient registry: identity, diagnosis and derived severity, factor levels, inhibitors, genotype, infection
 * status, weight, consent, care team and transition (clinical.md §1, §2, §10). Every read goes through the identity
 * module's access policy and is audited.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "centre", "audit"})
@org.jspecify.annotations.NullMarked
package org.hemonet.patient;
