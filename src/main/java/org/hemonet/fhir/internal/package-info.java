/** The HAPI server, its resource providers, code tables and error mapping. */
@org.jspecify.annotations.NullMarked
package org.hemonet.fhir.internal;
