/**
 * The synthetic demo network: a seeded, deterministic generator of regions, centres, staff, patients and their
 * history, loaded into an empty database in embedded mode (and used by tests and screenshots).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "centre", "patient", "product", "supply", "diary", "safety"})
@org.jspecify.annotations.NullMarked
package org.hemonet.demo;
