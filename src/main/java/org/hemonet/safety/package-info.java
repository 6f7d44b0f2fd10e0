/**
 * Safety surveillance (issue 13, clinical.md §2, §4, §9): adverse event reports by centre staff and patients, inhibitor
 * surveillance of previously untreated patients, rates per 1000 treatment-years with exact Poisson intervals, and live
 * signals. Events are patient data: every read and write goes through {@link org.hemonet.identity.AccessPolicy} and is
 * audited; network analysts see rates only, never a narrative or a name.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "identity",
            "patient",
            "audit",
            "diary",
            "product",
            "centre",
            "report",
            "supply"
        })
@org.jspecify.annotations.NullMarked
package org.hemonet.safety;
