/** The safety module's storage. */
@org.jspecify.annotations.NullMarked
package org.hemonet.safety.internal;
