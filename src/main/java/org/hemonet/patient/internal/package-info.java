/** Storage (the registry's SQL) and web adapters of the patient module; not visible to other modules. */
@org.jspecify.annotations.NullMarked
package org.hemonet.patient.internal;
