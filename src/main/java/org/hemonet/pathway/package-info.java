/**
 * The care pathway (issue 17): the emergency card and the time-limited emergency view an A&E clinician opens from its
 * QR code without signing in; the yearly multidisciplinary annual review with its clinic letter and care plan, and the
 * decisions taken with the patient when a plan changes.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "identity",
            "patient",
            "audit",
            "supply",
            "product",
            "centre",
            "genetherapy",
            "outcome",
            "diary",
            "pk",
            "survey",
            "reminder"
        })
@org.jspecify.annotations.NullMarked
package org.hemonet.pathway;
