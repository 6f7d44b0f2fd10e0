/**
 * The FHIR R4 facade (issue 15, docs/fhir.md): a HAPI FHIR plain server under {@code /fhir} that maps the registry,
 * centres, products and the diary onto FHIR resources. A thin adapter: every read and write goes through the owning
 * module's API, so the access policy and the audit trail are theirs; there is no second data store. HAPI types never
 * leave this module. The module has no API of its own: everything lives in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "identity",
            "centre",
            "patient",
            "product",
            "diary",
            "supply",
            "audit",
            "outcome",
            "safety"
        })
@org.jspecify.annotations.NullMarked
package org.hemonet.fhir;
