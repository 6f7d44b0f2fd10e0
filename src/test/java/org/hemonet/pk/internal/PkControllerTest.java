package org.hemonet.pk.internal;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hemonet.pk.PkEstimator;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.ProblemTypes;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

class PkControllerTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new PkController(new PkEstimator()))
            .setControllerAdvice(new InvalidInputAdvice())
            .build();

    private static final String ESTIMATE =
            """
            {"model": "fviii-allard-2020",
             "covariates": {"weightKg": 70, "ageYears": 30, "product": "STANDARD"},
             "baselineIuPerDl": 0,
             "doses": [{"at": "2026-01-01T08:00:00Z", "iu": 3500, "infusionMinutes": 0},
                       {"at": "2026-01-03T08:00:00Z", "iu": 3500, "infusionMinutes": 0},
                       {"at": "2026-01-05T08:00:00Z", "iu": 3500, "infusionMinutes": 10}],
             "samples": [{"at": "2026-01-05T08:30:00Z", "iuPerDl": 70},
                         {"at": "2026-01-05T12:00:00Z", "iuPerDl": 52},
                         {"at": "2026-01-06T08:00:00Z", "iuPerDl": 18},
                         {"at": "2026-01-07T08:00:00Z", "iuPerDl": 5.5}],
             "reportDoseIuPerKg": 50}
            """;

    @Test
    void estimatesIndividualPkWithCurveAndThresholds() throws Exception {
        postJson("/api/v1/pk/estimate", ESTIMATE)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.model").value("fviii-allard-2020"))
                .andExpect(jsonPath("$.individual.clDlPerH").isNumber())
                .andExpect(jsonPath("$.individual.v1Dl").isNumber())
                .andExpect(jsonPath("$.individual.qDlPerH").isNumber())
                .andExpect(jsonPath("$.individual.v2Dl").isNumber())
                .andExpect(jsonPath("$.individual.v3Dl").doesNotExist())
                .andExpect(jsonPath("$.eta", hasSize(3)))
                .andExpect(jsonPath("$.halfLifeHours", greaterThan(5.0)))
                .andExpect(jsonPath("$.halfLifeCi90", hasSize(2)))
                .andExpect(jsonPath("$.hoursTo.5").isNumber())
                .andExpect(jsonPath("$.hoursTo.2").isNumber())
                .andExpect(jsonPath("$.hoursTo.1").isNumber())
                .andExpect(jsonPath("$.curve[0].hours").value(0.0))
                .andExpect(jsonPath("$.curve[0].lo90").isNumber())
                .andExpect(jsonPath("$.curve[0].hi90").isNumber())
                .andExpect(jsonPath("$.curveStart").value("2026-01-01T08:00:00Z"))
                .andExpect(jsonPath("$.samplesUsed").value(4))
                .andExpect(jsonPath("$.warnings").isArray());
    }

    @Test
    void withoutSamplesAnswersThePopulationValues() throws Exception {
        String noSamples = ESTIMATE.replaceAll("(?s)\"samples\": \\[.*?\\],", "");

        postJson("/api/v1/pk/estimate", noSamples)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.eta[0]").value(0.0))
                .andExpect(jsonPath("$.samplesUsed").value(0))
                .andExpect(jsonPath("$.warnings[0]", containsString("population typical values")));
    }

    @Test
    void thresholdsAtOrBelowTheBaselineAreNull() throws Exception {
        postJson("/api/v1/pk/estimate", ESTIMATE.replace("\"baselineIuPerDl\": 0", "\"baselineIuPerDl\": 3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hoursTo.2").value(nullValue()))
                .andExpect(jsonPath("$.hoursTo.1").value(nullValue()))
                .andExpect(jsonPath("$.hoursTo.5").isNumber());
    }

    @Test
    void aSampleBeforeTheFirstDoseIsABadRequestNamingTheSample() throws Exception {
        postJson("/api/v1/pk/estimate", ESTIMATE.replace("2026-01-05T08:30:00Z", "2025-12-31T08:00:00Z"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("samples[0].at"))
                .andExpect(jsonPath("$.detail", containsString("earlier doses")));
    }

    @Test
    void anUnknownModelIsABadRequestNamingTheModel() throws Exception {
        postJson("/api/v1/pk/estimate", ESTIMATE.replace("fviii-allard-2020", "fviii-unknown"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("model"));
    }

    @Test
    void aMissingCovariateIsABadRequestNamingIt() throws Exception {
        postJson("/api/v1/pk/estimate", ESTIMATE.replace(", \"product\": \"STANDARD\"", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("covariates.product"));
    }

    @Test
    void anAbsurdWeightIsABadRequest() throws Exception {
        postJson("/api/v1/pk/estimate", ESTIMATE.replace("\"weightKg\": 70", "\"weightKg\": 7000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("covariates.weightKg"));
    }

    @Test
    void aNegativeLevelFailsBeanValidation() throws Exception {
        postJson("/api/v1/pk/estimate", ESTIMATE.replace("\"iuPerDl\": 70", "\"iuPerDl\": -70"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aDoseAboveFiftyThousandIuFailsBeanValidation() throws Exception {
        postJson("/api/v1/pk/estimate", ESTIMATE.replaceFirst("\"iu\": 3500", "\"iu\": 60000"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void proposesTheDoseForATargetTroughRoundedToVials() throws Exception {
        postJson(
                        "/api/v1/pk/regimen",
                        """
                        {"model": "fviii-allard-2020",
                         "covariates": {"weightKg": 70, "ageYears": 30, "product": "STANDARD"},
                         "targetTroughIuPerDl": 1, "intervalHours": 48,
                         "vialSizesIu": [250, 500, 1000, 2000], "pricePerIu": 0.6}
                        """)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regimens", hasSize(1)))
                .andExpect(jsonPath("$.regimens[0].periodHours").value(48.0))
                .andExpect(jsonPath("$.regimens[0].doseIu").isNumber())
                .andExpect(jsonPath("$.regimens[0].vials[0].sizeIu").isNumber())
                .andExpect(jsonPath("$.regimens[0].troughIuPerDl", greaterThan(0.999)))
                .andExpect(jsonPath("$.regimens[0].weeklyIu").isNumber())
                .andExpect(jsonPath("$.regimens[0].weeklyCost").isNumber());
    }

    @Test
    void comparesSeveralRegimens() throws Exception {
        postJson(
                        "/api/v1/pk/regimen",
                        """
                        {"model": "fix-koopman-2023",
                         "covariates": {"weightKg": 73, "ageYears": 15.8},
                         "eta": [0.1, 0.0, 0.0],
                         "targetTroughIuPerDl": 1,
                         "regimens": [{"intervalHours": 168}, {"label": "every 10 days", "intervalHours": 240},
                                      {"label": "twice weekly", "weeklyDoseHours": [0, 72]}],
                         "vialSizesIu": [500, 1000, 2000, 3000]}
                        """)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regimens", hasSize(3)))
                .andExpect(jsonPath("$.regimens[0].label").value("every 7 day(s)"))
                .andExpect(jsonPath("$.regimens[1].label").value("every 10 days"))
                .andExpect(jsonPath("$.regimens[2].dosesPerWeek").value(2.0))
                .andExpect(jsonPath("$.regimens[2].weeklyCost").value(nullValue()))
                .andExpect(jsonPath("$.targetTroughIuPerDl", closeTo(1.0, 1e-12)));
    }

    @Test
    void withoutRegimensComparesTheUsualProphylaxis() throws Exception {
        postJson(
                        "/api/v1/pk/regimen",
                        """
                        {"model": "fviii-bjorkman-2012", "covariates": {"weightKg": 56, "ageYears": 22},
                         "targetTroughIuPerDl": 1, "vialSizesIu": [250, 500, 1000]}
                        """)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regimens", hasSize(3)))
                .andExpect(jsonPath("$.regimens[1].label").value("3×/week"));
    }

    @Test
    void aRegimenWithBothIntervalAndWeeklyHoursIsABadRequest() throws Exception {
        postJson(
                        "/api/v1/pk/regimen",
                        """
                        {"model": "fviii-bjorkman-2012", "covariates": {"weightKg": 56, "ageYears": 22},
                         "targetTroughIuPerDl": 1, "vialSizesIu": [250],
                         "regimens": [{"intervalHours": 48, "weeklyDoseHours": [0]}]}
                        """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("regimens[0]"));
    }

    @Test
    void listsTheModels() throws Exception {
        mvc.perform(get("/api/v1/pk/models"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(5)))
                .andExpect(jsonPath("$.items[?(@.id == 'fviii-solms-2020')].molecules[*]")
                        .value(org.hamcrest.Matchers.contains("damoctocog alfa pegol")))
                .andExpect(jsonPath("$.items[?(@.id == 'fviii-solms-2020')].compartments")
                        .value(org.hamcrest.Matchers.contains(1)))
                .andExpect(jsonPath("$.items[0].citation").isString())
                .andExpect(jsonPath("$.items[?(@.id == 'fviii-allard-2020')].molecules[*]")
                        .value(org.hamcrest.Matchers.hasItems(
                                "octocog alfa", "human coagulation factor VIII (plasma-derived)", "efmoroctocog alfa")))
                .andExpect(jsonPath("$.items[?(@.id == 'fix-brekkan-2016')].molecules[*]")
                        .value(org.hamcrest.Matchers.hasItem("human coagulation factor IX (plasma-derived)")))
                .andExpect(jsonPath("$.items[?(@.id == 'fviii-bjorkman-2012')].unverified")
                        .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("Residual error"))))
                .andExpect(jsonPath("$.items[0].compartments").isNumber());
    }

    /** fix-brekkan-2016 (plasma-derived FIX, three compartments): MAP estimate, 90 % band and regimens (issue 20). */
    @Test
    void estimatesPlasmaDerivedFixWithTheBrekkanModelAndItsBandAndRegimens() throws Exception {
        postJson(
                        "/api/v1/pk/estimate",
                        """
                        {"model": "fix-brekkan-2016",
                         "covariates": {"weightKg": 70},
                         "baselineIuPerDl": 0,
                         "doses": [{"at": "2026-01-01T08:00:00Z", "iu": 3500, "infusionMinutes": 10}],
                         "samples": [{"at": "2026-01-01T08:30:00Z", "iuPerDl": 50},
                                     {"at": "2026-01-02T08:00:00Z", "iuPerDl": 14},
                                     {"at": "2026-01-03T08:00:00Z", "iuPerDl": 7},
                                     {"at": "2026-01-04T08:00:00Z", "iuPerDl": 3.5}],
                         "reportDoseIuPerKg": 50}
                        """)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.model").value("fix-brekkan-2016"))
                .andExpect(jsonPath("$.individual.v3Dl").isNumber())
                .andExpect(jsonPath("$.eta", hasSize(4)))
                .andExpect(jsonPath("$.samplesUsed").value(4))
                .andExpect(jsonPath("$.halfLifeHours", greaterThan(10.0)))
                .andExpect(jsonPath("$.halfLifeCi90", hasSize(2)))
                .andExpect(jsonPath("$.curve[10].lo90").isNumber())
                .andExpect(jsonPath("$.curve[10].hi90").isNumber())
                .andExpect(jsonPath("$.hoursTo.1").isNumber());
        postJson(
                        "/api/v1/pk/regimen",
                        """
                        {"model": "fix-brekkan-2016",
                         "covariates": {"weightKg": 70},
                         "eta": [0.1, 0.0, 0.0, 0.0],
                         "targetTroughIuPerDl": 1,
                         "regimens": [{"intervalHours": 72}, {"label": "twice weekly", "weeklyDoseHours": [0, 72]}],
                         "vialSizesIu": [500, 1000, 2000], "pricePerIu": 0.55}
                        """)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regimens", hasSize(2)))
                .andExpect(jsonPath("$.regimens[0].troughIuPerDl", greaterThan(0.999)))
                .andExpect(jsonPath("$.regimens[1].weeklyCost").isNumber());
    }

    private ResultActions postJson(String path, String body) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /**
     * Stands in for the application's global advice (on main) in this standalone set-up: {@link
     * InvalidInputException} becomes a 400 problem detail naming the field.
     */
    @RestControllerAdvice
    static class InvalidInputAdvice {

        @ExceptionHandler(InvalidInputException.class)
        ProblemDetail invalid(InvalidInputException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
            problem.setType(ProblemTypes.INVALID_INPUT);
            problem.setProperty("field", e.field());
            return problem;
        }
    }
}
