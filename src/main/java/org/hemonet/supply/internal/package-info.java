/** Storage (the module's SQL) and web adapters of the supply module; not visible to other modules. */
@org.jspecify.annotations.NullMarked
package org.hemonet.supply.internal;
