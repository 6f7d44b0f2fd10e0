package org.hemonet.fhir.internal;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hemonet.centre.Centre;
import org.hemonet.centre.CentreDirectory;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Organization: the network's treatment centres from {@link CentreDirectory} (not patient data: any valid token). */
@Component
public class OrganizationProvider implements IResourceProvider {

    private final CentreDirectory centres;

    OrganizationProvider(CentreDirectory centres) {
        this.centres = centres;
    }

    @Override
    public Class<Organization> getResourceType() {
        return Organization.class;
    }

    @Read
    public Organization read(@IdParam IdType id) {
        return centres.centre(Ids.uuid(id)).map(OrganizationProvider::toFhir).orElseThrow(FhirErrors::notFound);
    }

    @Search
    public IBundleProvider search(@Count @Nullable Integer count, @Offset @Nullable Integer offset) {
        return Pages.slice(
                Pages.Request.of(offset, count),
                centres.centres().stream().map(OrganizationProvider::toFhir).toList());
    }

    static Organization toFhir(Centre centre) {
        Organization organization = new Organization();
        organization.setId(new IdType("Organization", centre.id().toString()));
        organization.setActive(true);
        organization.addIdentifier().setSystem(Terminology.CENTRE_CODE).setValue(centre.code());
        organization.addType(
                new CodeableConcept(new Coding(Terminology.ORGANIZATION_TYPE, "prov", "Healthcare Provider")));
        Terminology.Code type =
                Terminology.CENTRE_TYPE.find(Terminology.code(centre.type())).orElseThrow();
        organization.addType(new CodeableConcept(new Coding(type.system(), type.code(), type.display())));
        organization.setName(centre.name());
        if (centre.phone24h() != null) {
            organization
                    .addTelecom()
                    .setSystem(ContactPoint.ContactPointSystem.PHONE)
                    .setValue(centre.phone24h())
                    .setUse(ContactPoint.ContactPointUse.WORK);
        }
        organization.addAddress().setDistrict(centre.regionName());
        return organization;
    }
}
