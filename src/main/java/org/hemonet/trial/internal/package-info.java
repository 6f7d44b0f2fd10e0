/** The trial module's SQL, API and pages. */
@org.jspecify.annotations.NullMarked
package org.hemonet.trial.internal;
