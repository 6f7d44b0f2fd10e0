/** The outcome module's storage. */
@org.jspecify.annotations.NullMarked
package org.hemonet.outcome.internal;
