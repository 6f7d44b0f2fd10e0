package org.hemonet.supply;

import java.util.UUID;

/**
 * A patient's treatment plans changed (prescribed, changed from a date, voided; other plans of the patient may have been
 * ended or reopened with it), published in the change's transaction: the report module's read model of plans
 * re-reads the patient's living plans from it (issue 14).
 */
public record PlansChanged(UUID patientId) {}
