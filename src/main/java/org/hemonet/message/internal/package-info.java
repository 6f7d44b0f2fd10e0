/** Storage and web adapters (API and pages) of secure messaging; not visible to other modules. */
@org.jspecify.annotations.NullMarked
package org.hemonet.message.internal;
