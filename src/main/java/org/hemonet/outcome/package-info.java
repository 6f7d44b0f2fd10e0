/**
 * Outcome measures computed from the diary by the ISTH definitions (clinical.md §3, §4): bleed episodes by the 72-hour
 * rule, annualised bleeding rates, target joints and their resolution, adherence to prophylaxis, factor use and
 * exposure days. {@link org.hemonet.outcome.OutcomeEngine} is pure; {@link org.hemonet.outcome.PatientOutcomes} feeds
 * it from the stored diary.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "patient", "audit", "diary", "supply", "centre"})
@org.jspecify.annotations.NullMarked
package org.hemonet.outcome;
