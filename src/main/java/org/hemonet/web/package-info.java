/**
 * The web shell: page layout, navigation per role, sign-in page, home pages and friendly error pages. Depends on the
 * modules whose data the home pages show; no module depends on it.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "identity",
            "centre",
            "patient",
            "report",
            "audit",
            "pk",
            "diary",
            "supply",
            "product",
            "message",
            "safety",
            "survey"
        })
@org.jspecify.annotations.NullMarked
package org.hemonet.web;
