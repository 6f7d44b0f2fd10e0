/** The pathway module's SQL, controllers and PDF rendering. */
@org.jspecify.annotations.NullMarked
package org.hemonet.pathway.internal;
