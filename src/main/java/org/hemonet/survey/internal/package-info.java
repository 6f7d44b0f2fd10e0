/** Storage, the built-in instrument files and the web adapters of the survey module. */
@org.jspecify.annotations.NullMarked
package org.hemonet.survey.internal;
