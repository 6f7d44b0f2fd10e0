package org.hemonet.pk.internal;

import jakarta.validation.Valid;
import java.util.List;
import org.hemonet.pk.PkEstimator;
import org.hemonet.pk.PkModelSummary;
import org.hemonet.pk.RegimenComparison;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * PK estimation and regimens over HTTP (issue 7). A thin adapter: Bean Validation on the payloads, the rest is checked
 * by {@link PkEstimator}, whose {@link org.hemonet.shared.InvalidInputException}s become 400 problem details naming
 * the field.
 */
@RestController
@RequestMapping(path = "/api/v1/pk", produces = MediaType.APPLICATION_JSON_VALUE)
class PkController {

    private final PkEstimator pk;

    PkController(PkEstimator pk) {
        this.pk = pk;
    }

    /** The models, each with the molecules it was fitted on (issue 20). */
    record ModelList(List<PkModelSummary> items) {}

    @GetMapping("/models")
    ModelList models() {
        return new ModelList(pk.models());
    }

    @PostMapping(path = "/estimate", consumes = MediaType.APPLICATION_JSON_VALUE)
    PkApi.EstimateResponse estimate(@Valid @RequestBody PkApi.EstimateRequest request) {
        return PkApi.EstimateResponse.from(pk.estimate(request.toStudy()));
    }

    @PostMapping(path = "/regimen", consumes = MediaType.APPLICATION_JSON_VALUE)
    RegimenComparison regimen(@Valid @RequestBody PkApi.RegimenRequest request) {
        return pk.regimens(request.toQuestion());
    }
}
