package org.hemonet.fhir.internal;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.centre.TeamMember;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Practitioner;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Practitioner: a named member of a centre's team roster ({@link CentreDirectory#team}); id = the roster entry's id,
 * so one person on two rosters is two Practitioners. Staff rosters are not patient data: any valid token, like
 * Organization. The name is kept as the roster holds it, in {@code name.text}.
 */
@Component
public class PractitionerProvider implements IResourceProvider {

    private final CentreDirectory centres;

    PractitionerProvider(CentreDirectory centres) {
        this.centres = centres;
    }

    @Override
    public Class<Practitioner> getResourceType() {
        return Practitioner.class;
    }

    @Read
    public Practitioner read(@IdParam IdType id) {
        return member(centres, Ids.uuid(id)).map(PractitionerProvider::toFhir).orElseThrow(FhirErrors::notFound);
    }

    @Search
    public IBundleProvider search(@Count @Nullable Integer count, @Offset @Nullable Integer offset) {
        return Pages.slice(
                Pages.Request.of(offset, count),
                roster(centres).stream().map(PractitionerProvider::toFhir).toList());
    }

    /** Every centre's roster, centre by centre. */
    static List<TeamMember> roster(CentreDirectory centres) {
        return centres.centres().stream()
                .flatMap(c -> centres.team(c.id()).stream())
                .toList();
    }

    static Optional<TeamMember> member(CentreDirectory centres, UUID id) {
        return roster(centres).stream().filter(m -> m.id().equals(id)).findFirst();
    }

    static Practitioner toFhir(TeamMember member) {
        Practitioner practitioner = new Practitioner();
        practitioner.setId(new IdType("Practitioner", member.id().toString()));
        practitioner.setActive(true);
        practitioner.addName(new HumanName().setText(member.name()).setUse(HumanName.NameUse.USUAL));
        return practitioner;
    }
}
