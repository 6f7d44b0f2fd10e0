package org.hemonet.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The HAPI plain server behind {@code /fhir}: FHIR R4, JSON by default (XML on request), offset paging ({@link Pages}),
 * errors as OperationOutcomes ({@link FhirErrors}) and a CapabilityStatement that HAPI generates from the providers.
 */
final class FhirServer extends RestfulServer {

    private static final long serialVersionUID = 1L;

    private final transient ObjectProvider<FhirContext> context;
    private final transient ObjectProvider<IResourceProvider> providers;
    private final transient ObjectProvider<BulkExportProvider> bulkExport;

    /**
     * The context and the providers are looked up when the servlet initialises (the first request to {@code /fhir}),
     * so that HAPI's classes and the providers' dependencies cost nothing while the web server is being created.
     */
    FhirServer(
            ObjectProvider<FhirContext> context,
            ObjectProvider<IResourceProvider> providers,
            ObjectProvider<BulkExportProvider> bulkExport) {
        this.context = context;
        this.providers = providers;
        this.bulkExport = bulkExport;
    }

    @Override
    protected void initialize() {
        setFhirContext(context.getObject());
        setResourceProviders(providers.orderedStream().toList());
        // the system-level operations ($export, its status and files) belong to no resource type
        registerProvider(bulkExport.getObject());
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setDefaultPrettyPrint(false);
        setServerName("Hemonet FHIR API");
        setImplementationDescription("Hemonet, a haemophilia care information system (docs/fhir.md)");
        setDefaultPageSize(Pages.DEFAULT_SIZE);
        setMaximumPageSize(Pages.MAX_SIZE);
        registerInterceptor(new FhirErrors());
        registerInterceptor(new SmartSecurity());
        registerInterceptor(new HistoryScope());
    }

    /** States in the CapabilityStatement that the API is protected by SMART on FHIR (OAuth2 bearer tokens). */
    @Interceptor
    static final class SmartSecurity {

        @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
        public void describe(IBaseConformance generated) {
            if (generated instanceof CapabilityStatement statement) {
                statement
                        .getRestFirstRep()
                        .getSecurity()
                        .setCors(false)
                        .addService(new CodeableConcept(new Coding(
                                "http://terminology.hl7.org/CodeSystem/restful-security-service",
                                "SMART-on-FHIR",
                                "SMART-on-FHIR")))
                        .setDescription("OAuth2 bearer tokens from Hemonet's authorization server with SMART scopes;"
                                + " endpoints in .well-known/smart-configuration.");
            }
        }
    }
}
