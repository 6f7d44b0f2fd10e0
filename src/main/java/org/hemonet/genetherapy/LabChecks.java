package org.hemonet.genetherapy;

import org.hemonet.lab.LabResult;
import org.hemonet.lab.LabResultChecks;
import org.hemonet.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * What a new laboratory result means for this module (issue 21): gene therapy alerts and antithrombin dosing
 * recommendations, written in the result's transaction and returned to whoever entered it.
 */
@Component
class LabChecks implements LabResultChecks {

    private final GeneTherapies geneTherapies;
    private final AntithrombinLowering antithrombin;

    LabChecks(GeneTherapies geneTherapies, AntithrombinLowering antithrombin) {
        this.geneTherapies = geneTherapies;
        this.antithrombin = antithrombin;
    }

    @Override
    public Findings check(Actor actor, LabResult result) {
        return new Findings(geneTherapies.check(result), antithrombin.check(result));
    }
}
