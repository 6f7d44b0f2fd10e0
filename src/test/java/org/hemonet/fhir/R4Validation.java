package org.hemonet.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;

/**
 * Validation against the R4 base specification, offline: the core profiles and value sets of
 * {@code hapi-fhir-validation-resources-r4}, HAPI's built-in code systems (UCUM, languages, …), Hemonet's own code
 * systems as the server publishes them, and no terminology server. SNOMED CT and LOINC are not available offline, so
 * their codes and displays cannot be checked: the validator reports that as a warning ("unknown code system"). The
 * warnings tolerated are listed in {@link #tolerated}; errors never are.
 */
final class R4Validation {

    private final FhirContext context;
    private final FhirValidator validator;

    R4Validation(FhirContext context, List<CodeSystem> hemonetCodeSystems) {
        this.context = context;
        PrePopulatedValidationSupport hemonet = new PrePopulatedValidationSupport(context);
        hemonetCodeSystems.forEach(hemonet::addCodeSystem);
        UnknownCodeSystemWarningValidationSupport unknown = new UnknownCodeSystemWarningValidationSupport(context);
        unknown.setNonExistentCodeSystemSeverity(ca.uhn.fhir.context.support.IValidationSupport.IssueSeverity.WARNING);
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                hemonet,
                new CommonCodeSystemsTerminologyService(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context),
                unknown);
        FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
        validator = context.newValidator().registerValidatorModule(instanceValidator);
    }

    /** The messages of severity error or fatal in {@code resource} (a Bundle is validated with its entries). */
    List<String> errors(IBaseResource resource) {
        ValidationResult result = validator.validateWithResult(resource);
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(R4Validation::describe)
                .toList();
    }

    /**
     * The warnings accepted in a response: no narrative ({@code dom-6}: Hemonet sends structured data only, clients
     * render it), terminologies that cannot be checked offline (LOINC, ATC; SNOMED CT is not reported) and the best
     * practice that an Observation names a performer (the registry does not record who measured a level).
     */
    static boolean tolerated(String warning) {
        return warning.contains("dom-6: 'A resource should have narrative")
                || warning.contains("CodeSystem is unknown and can't be validated: http://loinc.org ")
                || warning.contains("CodeSystem is unknown and can't be validated: http://www.whocc.no/atc ")
                || warning.contains("all observations should have a performer");
    }

    /** Zero errors and only {@link #tolerated} warnings in the resource (or Bundle) {@code json}. */
    void assertValid(String json) {
        IBaseResource resource = context.newJsonParser().parseResource(json);
        List<SingleValidationMessage> messages =
                validator.validateWithResult(resource).getMessages();
        assertThat(messages.stream()
                        .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR
                                || m.getSeverity() == ResultSeverityEnum.FATAL)
                        .map(R4Validation::describe))
                .as(json)
                .isEmpty();
        assertThat(messages.stream()
                        .filter(m -> m.getSeverity() == ResultSeverityEnum.WARNING)
                        .map(R4Validation::describe))
                .as(json)
                .allMatch(R4Validation::tolerated);
    }

    private static String describe(SingleValidationMessage m) {
        return m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage();
    }
}
