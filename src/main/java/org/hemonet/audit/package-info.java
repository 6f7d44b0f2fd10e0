/**
 * The audit trail: one append-only, hash-chained event for every access to patient data (security.md §13–§15).
 *
 * <p>{@link org.hemonet.audit.AuditLog} is the module's API: other modules record events through it in their own
 * transaction and read a patient's access report from it. Sealing (the hash chain), verification, the verify endpoint
 * and the command-line check live in {@code internal}.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.hemonet.audit;
