/**
 * Pharmacokinetics: population PK models (data files under {@code pk/models/}), individual Bayesian MAP estimation
 * from a few factor levels, derived quantities (half-life, time to 5/2/1 IU/dL) and dose regimens for a target
 * trough (issue 7; specification {@code pk-models.md}).
 *
 * <p>The API of the module is {@link org.hemonet.pk.PkEstimator} and the value types beside it; the engine lives in
 * {@code internal}. Units throughout: IU, dL, h, IU/dL. The engine uses no database; {@link org.hemonet.pk.PkRecords}
 * stores PK studies and factor-level lab results in the patient's record (schema {@code pk}).
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "patient", "audit", "diary", "product", "reminder"})
package org.hemonet.pk;
