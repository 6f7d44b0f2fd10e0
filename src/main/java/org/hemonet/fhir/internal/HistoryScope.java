package org.hemonet.fhir.internal;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;

/**
 * Where {@code _history} is offered, said in the CapabilityStatement and in every refusal (docs/fhir.md,
 * "Versions"). Hemonet keeps earlier versions only of diary entries — infusions (MedicationAdministration) and bleeds
 * (Observation) — whose corrections are versions; every other Observation has its one version. Of the other resources
 * no earlier version is kept, and history over a whole type or the whole server is not offered: those requests are 405
 * with an OperationOutcome that says so, rather than HAPI's generic "unknown operation".
 */
@Interceptor
final class HistoryScope {

    /** The resource types with vread and instance {@code _history}. */
    static final Set<String> VERSIONED = Set.of("MedicationAdministration", "Observation");

    private static final Pattern HISTORY = Pattern.compile("^/(?:([A-Za-z]+)(/[^/]+)?/)?_history(?:/[^/]*)?/?$");

    private static final String INSTANCE = "Instance history and vread are offered for MedicationAdministration and"
            + " Observation (the diary's corrections are versions).";

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
    public boolean refuseUnsupportedHistory(HttpServletRequest request, HttpServletResponse response) {
        String path = request.getPathInfo();
        if (path == null) {
            return true;
        }
        Matcher matcher = HISTORY.matcher(path);
        if (!matcher.matches()) {
            return true;
        }
        String type = matcher.group(1);
        if (type == null) {
            throw FhirErrors.notSupported("System-level _history is not supported. " + INSTANCE);
        }
        if (matcher.group(2) == null) {
            throw FhirErrors.notSupported("Type-level _history (" + type + "/_history) is not supported. " + INSTANCE);
        }
        if (!VERSIONED.contains(type)) {
            throw FhirErrors.notSupported("Hemonet keeps no earlier versions of " + type
                    + ": read the current one (GET " + type + "/{id}). " + INSTANCE);
        }
        return true;
    }

    /** Says the same in the CapabilityStatement: per resource, and for the server as a whole. */
    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void describe(IBaseConformance generated) {
        if (!(generated instanceof CapabilityStatement statement)) {
            return;
        }
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.getRestFirstRep();
        rest.setDocumentation("Type- and system-level _history are not supported (405). " + INSTANCE
                + " See docs/fhir.md for the mapping.");
        for (CapabilityStatement.CapabilityStatementRestResourceComponent resource : rest.getResource()) {
            if (VERSIONED.contains(resource.getType())) {
                resource.setVersioning(CapabilityStatement.ResourceVersionPolicy.VERSIONED);
                resource.setReadHistory(true);
                resource.setDocumentation("meta.versionId is the diary's own version (W/\"n\" under /fhir and /api/v1);"
                        + " vread and instance _history return every version a correction kept.");
            } else if (resource.getInteraction().stream()
                    .anyMatch(i -> i.getCode() == CapabilityStatement.TypeRestfulInteraction.READ)) {
                resource.setReadHistory(false);
                resource.setDocumentation(
                        "No vread or _history: Hemonet keeps no earlier versions of this resource" + " (405).");
            }
        }
    }
}
