/**
 * Treatment plans and the dose calculator (clinical.md §6), home deliveries and home stock. Every patient-level read
 * and write asks the identity module's access policy and records an audit event (security.md §2, §13).
 * {@link org.hemonet.supply.TreatmentPlans} and {@link org.hemonet.supply.HomeStock} are the module's API.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "patient", "product", "audit", "centre", "diary", "message"})
@org.jspecify.annotations.NullMarked
package org.hemonet.supply;
