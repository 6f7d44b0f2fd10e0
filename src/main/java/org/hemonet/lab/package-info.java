/**
 * Laboratory results of any patient (issue 21): factor activity (FVIII, FIX; one-stage and chromogenic, which differ
 * after gene therapy), ALT, AST and antithrombin activity, with units and reference ranges, entered by staff or
 * imported, and shown as trends. Other modules react to a new result through {@link org.hemonet.lab.LabResultChecks}
 * (the gene therapy alerts and the antithrombin dosing advice), so that the lab module depends on none of them.
 * {@link org.hemonet.lab.LabResults} is the module's API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "patient", "audit"})
@org.jspecify.annotations.NullMarked
package org.hemonet.lab;
