/** The lab module's SQL and controllers. */
@org.jspecify.annotations.NullMarked
package org.hemonet.lab.internal;
