package org.hemonet.fhir.internal;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.centre.TeamMember;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * PractitionerRole: a roster entry as a role at a centre (clinical.md §7: haematologist, nurse coordinator,
 * physiotherapist and social worker make the core team). {@code code} is Hemonet {@code team-role} (no standard code
 * system names these roles at this granularity; docs/fhir.md). Search by {@code organization} and {@code role}; {@code _include=PractitionerRole:practitioner} and
 * {@code PractitionerRole:organization} add the referenced resources. Any valid token, like Organization.
 */
@Component
public class PractitionerRoleProvider implements IResourceProvider {

    static final String INCLUDE_PRACTITIONER = "PractitionerRole:practitioner";
    static final String INCLUDE_ORGANIZATION = "PractitionerRole:organization";

    private final CentreDirectory centres;

    PractitionerRoleProvider(CentreDirectory centres) {
        this.centres = centres;
    }

    @Override
    public Class<PractitionerRole> getResourceType() {
        return PractitionerRole.class;
    }

    @Read
    public PractitionerRole read(@IdParam IdType id) {
        return PractitionerProvider.member(centres, Ids.uuid(id))
                .map(PractitionerRoleProvider::toFhir)
                .orElseThrow(FhirErrors::notFound);
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = PractitionerRole.SP_ORGANIZATION) @Nullable ReferenceParam organization,
            @OptionalParam(name = PractitionerRole.SP_ROLE) @Nullable TokenParam role,
            @IncludeParam(allow = {INCLUDE_PRACTITIONER, INCLUDE_ORGANIZATION}) @Nullable Set<Include> includes,
            @Count @Nullable Integer count,
            @Offset @Nullable Integer offset) {
        UUID centreId = organization == null ? null : Ids.parse(organization.getIdPart());
        List<TeamMember> matches = PractitionerProvider.roster(centres).stream()
                .filter(m -> organization == null || m.centreId().equals(centreId))
                .filter(m -> role == null
                        || (Terminology.code(m.role()).equals(role.getValue())
                                && (role.getSystem() == null || role.getSystem().equals(Terminology.TEAM_ROLE.url()))))
                .toList();
        Pages.Request page = Pages.Request.of(offset, count);
        List<TeamMember> shown = page.slice(matches);
        List<IBaseResource> resources = new ArrayList<>();
        for (TeamMember member : shown) {
            PractitionerRole match = toFhir(member);
            ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(match, BundleEntrySearchModeEnum.MATCH);
            resources.add(match);
        }
        Map<String, IAnyResource> included = new LinkedHashMap<>();
        for (TeamMember member : shown) {
            if (asked(includes, INCLUDE_PRACTITIONER)) {
                included.putIfAbsent("Practitioner/" + member.id(), PractitionerProvider.toFhir(member));
            }
            if (asked(includes, INCLUDE_ORGANIZATION)) {
                centres.centre(member.centreId())
                        .ifPresent(c -> included.putIfAbsent("Organization/" + c.id(), OrganizationProvider.toFhir(c)));
            }
        }
        included.values().forEach(r -> {
            ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(r, BundleEntrySearchModeEnum.INCLUDE);
            resources.add(r);
        });
        return Pages.page(page, resources, matches.size());
    }

    private static boolean asked(@Nullable Set<Include> includes, String include) {
        return includes != null && includes.stream().anyMatch(i -> i.getValue().equals(include));
    }

    static PractitionerRole toFhir(TeamMember member) {
        PractitionerRole role = new PractitionerRole();
        role.setId(new IdType("PractitionerRole", member.id().toString()));
        role.setActive(true);
        role.setPractitioner(new Reference("Practitioner/" + member.id()).setDisplay(member.name()));
        role.setOrganization(new Reference("Organization/" + member.centreId()));
        role.addCode(new CodeableConcept(Terminology.coding(Terminology.TEAM_ROLE, member.role())));
        return role;
    }
}
