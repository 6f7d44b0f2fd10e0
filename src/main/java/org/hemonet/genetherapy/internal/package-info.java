/** The genetherapy module's SQL, controllers and lab-result checks. */
@org.jspecify.annotations.NullMarked
package org.hemonet.genetherapy.internal;
