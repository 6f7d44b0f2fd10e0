package org.hemonet.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import tools.jackson.databind.ObjectMapper;

/**
 * Registers the FHIR server as a servlet under {@code /fhir/*} and SMART discovery at its exact path (an exact servlet
 * mapping wins over the prefix). HAPI's server initialises on the first request to {@code /fhir}, not at start-up.
 */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

    /**
     * One FhirContext for the application: it is expensive to build and thread-safe once built. Lazy: it is made on the
     * first request to {@code /fhir}.
     */
    @Bean
    @Lazy
    FhirContext fhirContext() {
        FhirContext context = FhirContext.forR4();
        // a Provenance names the exact versions a correction replaced and created (ProvenanceProvider)
        context.getParserOptions()
                .setDontStripVersionsFromReferencesAtPaths("Provenance.target", "Provenance.entity.what");
        return context;
    }

    @Bean
    ServletRegistrationBean<FhirServer> fhirServlet(
            ObjectProvider<FhirContext> context,
            ObjectProvider<IResourceProvider> providers,
            ObjectProvider<BulkExportProvider> bulkExport) {
        ServletRegistrationBean<FhirServer> registration =
                new ServletRegistrationBean<>(new FhirServer(context, providers, bulkExport), "/fhir/*");
        registration.setName("fhir");
        return registration;
    }

    @Bean
    ServletRegistrationBean<SmartConfigurationServlet> smartConfigurationServlet(
            AuthorizationServerSettings settings, ObjectMapper json) {
        ServletRegistrationBean<SmartConfigurationServlet> registration = new ServletRegistrationBean<>(
                new SmartConfigurationServlet(settings, json), "/fhir/.well-known/smart-configuration");
        registration.setName("smartConfiguration");
        return registration;
    }
}
