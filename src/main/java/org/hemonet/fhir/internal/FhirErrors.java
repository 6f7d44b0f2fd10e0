package org.hemonet.fhir.internal;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import ca.uhn.fhir.rest.server.exceptions.NotImplementedOperationException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hemonet.shared.ConflictException;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.hemonet.shared.StaleVersionException;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * Every error of {@code /fhir} as an OperationOutcome with a stable code (CONVENTIONS "/fhir errors are
 * OperationOutcomes"): {@code issue.code} from FHIR's IssueType and {@code issue.details} coded in Hemonet's {@code
 * error} code system. Domain exceptions of the modules become the matching HAPI exception; anything unexpected becomes
 * a 500 that carries no exception text (it is logged instead).
 */
@Interceptor
final class FhirErrors {

    private static final Logger log = LoggerFactory.getLogger(FhirErrors.class);

    static ResourceNotFoundException notFound() {
        return new ResourceNotFoundException(
                "Unknown resource", outcome(IssueType.NOTFOUND, "not-found", "No resource with this id."));
    }

    static ResourceGoneException gone() {
        return new ResourceGoneException(
                "Voided", outcome(IssueType.DELETED, "gone", "The record was voided (entered in error)."));
    }

    static UnprocessableEntityException invalid(@Nullable String expression, String message) {
        OperationOutcome outcome = outcome(IssueType.INVALID, "invalid-input", message);
        if (expression != null) {
            outcome.getIssueFirstRep().addExpression(expression);
        }
        return new UnprocessableEntityException(message, outcome);
    }

    /** 428 Precondition Required: an update that does not say which version it changes (If-Match). */
    static UnclassifiedServerFailureException preconditionRequired(String message) {
        return new UnclassifiedServerFailureException(
                428, message, outcome(IssueType.REQUIRED, "precondition-required", message));
    }

    /** 405: the interaction exists in FHIR but Hemonet does not offer it for this resource. */
    static MethodNotAllowedException notSupported(String message) {
        return new MethodNotAllowedException(message, outcome(IssueType.NOTSUPPORTED, "not-supported", message));
    }

    static InvalidRequestException badRequest(String message) {
        return new InvalidRequestException(message, outcome(IssueType.INVALID, "invalid-input", message));
    }

    static OperationOutcome outcome(IssueType type, String code, String message) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(IssueSeverity.ERROR)
                .setCode(type)
                .setDiagnostics(message)
                .setDetails(new CodeableConcept(new Coding(
                                Terminology.ERROR.url(),
                                code,
                                Terminology.ERROR.find(code).orElseThrow().display()))
                        .setText(message));
        return outcome;
    }

    /** Replaces what a provider or HAPI threw by the exception to answer with. */
    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException translate(Throwable thrown) {
        Throwable cause = thrown;
        while ((cause instanceof InternalErrorException
                        || cause instanceof java.lang.reflect.InvocationTargetException
                        || cause instanceof java.lang.reflect.UndeclaredThrowableException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof NotFoundException) {
            return notFound();
        }
        if (cause instanceof InvalidInputException e) {
            return invalid(FhirPaths.of(e.field()), e.getMessage());
        }
        if (cause instanceof StaleVersionException e) {
            return new PreconditionFailedException(
                    e.getMessage(), outcome(IssueType.CONFLICT, "conflict", e.getMessage()));
        }
        if (cause instanceof ConflictException e) {
            return new ResourceVersionConflictException(
                    e.getMessage(), outcome(IssueType.CONFLICT, "conflict", e.getMessage()));
        }
        if (cause instanceof AccessDeniedException) {
            String message = "The account's role does not use patient-level data.";
            return new ForbiddenOperationException(message, outcome(IssueType.FORBIDDEN, "forbidden", message));
        }
        if (cause instanceof BaseServerResponseException e) {
            return withStableCode(e);
        }
        log.error("Unexpected error in the FHIR API ({})", cause.getClass().getName(), cause);
        return new InternalErrorException(
                "Internal error", outcome(IssueType.EXCEPTION, "internal-error", "An unexpected error occurred."));
    }

    /** HAPI's own errors (unknown resource type, unparsable body, bad parameter) keep their text, gain our code. */
    private static BaseServerResponseException withStableCode(BaseServerResponseException e) {
        if (e.getOperationOutcome() instanceof OperationOutcome existing && hasOurCode(existing)) {
            return e;
        }
        String message = e.getMessage() == null ? "" : e.getMessage().replaceFirst("^HAPI-\\d+: ", "");
        BaseServerResponseException replaced;
        if (e instanceof ResourceNotFoundException) {
            replaced = new ResourceNotFoundException(message, outcome(IssueType.NOTFOUND, "not-found", message));
        } else if (e instanceof ResourceGoneException) {
            replaced = gone();
        } else if (e instanceof MethodNotAllowedException || e instanceof NotImplementedOperationException) {
            replaced = new UnclassifiedServerFailureException(
                    e.getStatusCode(), message, outcome(IssueType.NOTSUPPORTED, "not-supported", message));
        } else if (e instanceof AuthenticationException) {
            replaced = new UnclassifiedServerFailureException(
                    401, message, outcome(IssueType.LOGIN, "unauthorized", message));
        } else if (e instanceof ForbiddenOperationException) {
            replaced = new ForbiddenOperationException(message, outcome(IssueType.FORBIDDEN, "forbidden", message));
        } else if (e.getStatusCode() >= 500) {
            log.error("FHIR server error {}", e.getStatusCode(), e);
            replaced = new InternalErrorException(
                    "Internal error", outcome(IssueType.EXCEPTION, "internal-error", "An unexpected error occurred."));
        } else {
            replaced = new UnclassifiedServerFailureException(
                    e.getStatusCode(), message, outcome(IssueType.INVALID, "invalid-input", message));
        }
        e.getResponseHeaders().forEach((name, values) -> values.forEach(v -> replaced.addResponseHeader(name, v)));
        return replaced;
    }

    private static boolean hasOurCode(OperationOutcome outcome) {
        return outcome.getIssue().stream()
                .flatMap(issue -> issue.getDetails().getCoding().stream())
                .anyMatch(coding -> Terminology.ERROR.url().equals(coding.getSystem()));
    }
}
