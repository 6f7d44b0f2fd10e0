/**
 * The patient registry: identity, diagnosis and derived severity, factor levels, inhibitors, weight (clinical.md §1,
 * §2). Every read goes through the identity module's access policy.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "centre"})
@org.jspecify.annotations.NullMarked
package org.hemonet.patient;
