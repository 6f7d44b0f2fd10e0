/** Spring Security wiring, sign-in, tokens and web adapters of the identity module; not visible to other modules. */
@org.jspecify.annotations.NullMarked
package org.hemonet.identity.internal;
