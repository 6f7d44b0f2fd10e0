/**
 * Gene therapy follow-up and the newer non-factor therapies (issue 21): the eligibility work-up and the infusion of an
 * AAV gene therapy, its follow-up schedule from a per-product template with what is due and overdue, ALT_RISE and
 * LOSS_OF_EXPRESSION alerts with their acknowledgement and the corticosteroid course, outcomes before and after, the
 * long-term registry export; and antithrombin-target dosing of antithrombin-lowering therapy (fitusiran).
 * {@link org.hemonet.genetherapy.GeneTherapies} and {@link org.hemonet.genetherapy.AntithrombinLowering} are the
 * module's API.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "identity",
            "patient",
            "audit",
            "product",
            "lab",
            "outcome",
            "supply",
            "centre",
            "safety",
            "diary",
            "report"
        })
@org.jspecify.annotations.NullMarked
package org.hemonet.genetherapy;
