package org.hemonet.fhir.internal;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IdType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** CodeSystem: Hemonet's own code systems ({@link Terminology}), for codes that have no standard. */
@Component
public class CodeSystemProvider implements IResourceProvider {

    static final String VERSION = "1";

    @Override
    public Class<CodeSystem> getResourceType() {
        return CodeSystem.class;
    }

    @Read
    public CodeSystem read(@IdParam IdType id) {
        return Terminology.CODE_SYSTEMS.stream()
                .filter(cs -> cs.id().equals(id.getIdPart()))
                .findFirst()
                .map(CodeSystemProvider::toFhir)
                .orElseThrow(FhirErrors::notFound);
    }

    @Search
    public List<CodeSystem> search(@OptionalParam(name = CodeSystem.SP_URL) @Nullable UriParam url) {
        return Terminology.CODE_SYSTEMS.stream()
                .filter(cs -> url == null || cs.url().equals(url.getValue()))
                .map(CodeSystemProvider::toFhir)
                .toList();
    }

    static CodeSystem toFhir(Terminology.HemonetCodeSystem system) {
        CodeSystem codeSystem = new CodeSystem();
        codeSystem.setId(new IdType("CodeSystem", system.id()));
        codeSystem.setUrl(system.url());
        codeSystem.setVersion(VERSION);
        codeSystem.setName(system.name());
        codeSystem.setTitle(system.title());
        codeSystem.setStatus(PublicationStatus.ACTIVE);
        codeSystem.setExperimental(false);
        codeSystem.setPublisher("Hemonet");
        codeSystem.setDescription(system.description());
        codeSystem.setCaseSensitive(true);
        codeSystem.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
        codeSystem.setCount(system.concepts().size());
        system.concepts()
                .forEach(code -> codeSystem.addConcept().setCode(code.code()).setDisplay(code.display()));
        return codeSystem;
    }
}
