/**
 * The care pathway (issue 17): the emergency card and the time-limited emergency view an A&E clinician opens from its
 * QR code without signing in.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "patient", "audit", "supply", "product", "centre", "genetherapy"})
@org.jspecify.annotations.NullMarked
package org.hemonet.pathway;
