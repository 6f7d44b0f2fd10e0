/** Network dashboards and benchmarks, with disclosure control on every figure (clinical.md §7, §8). */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "centre",
            "patient",
            "outcome",
            "identity",
            "audit",
            "survey",
            "supply",
            "diary"
        })
@org.jspecify.annotations.NullMarked
package org.hemonet.report;
