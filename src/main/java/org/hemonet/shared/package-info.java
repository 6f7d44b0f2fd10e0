/**
 * Value types, units, the clock and the API problem types shared by every module.
 *
 * <p>An open module: every module may use it; it depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package org.hemonet.shared;
