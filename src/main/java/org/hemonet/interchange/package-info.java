/**
 * Registry interchange (issue 15): a centre's existing registry comes in as one CSV file — patients with their
 * identifiers, diagnosis and baseline level, inhibitor history, treatment plans and infusion history — checked row by
 * row (a dry run names every bad row by line and column and stores nothing), then imported through the registry, plan
 * and diary modules in one transaction, all or nothing, idempotent on the centre's own patient number. Columns:
 * docs/import.md. Out again as registry returns: the national annual return and the WBDR-style patient-level file of a
 * calendar year, made from what the other modules record (docs/returns.md).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "identity",
            "patient",
            "diary",
            "supply",
            "product",
            "centre",
            "audit",
            "outcome",
            "pathway",
            "safety",
            "report"
        })
@org.jspecify.annotations.NullMarked
package org.hemonet.interchange;
