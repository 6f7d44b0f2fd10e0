package org.hemonet.fhir.internal;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.io.IOException;
import org.hemonet.centre.Centre;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A centre's patients as a FHIR {@code Group/{centre id}} (issue 15): read by the centre's staff or a bulk-data system
 * client (anyone else: 404 as an unknown id), and {@code Group/{id}/$export} for the bulk export of its patients.
 */
@Component
public class GroupProvider implements IResourceProvider {

    private final CentreDirectory centres;
    private final CurrentActor currentActor;
    private final BulkExportProvider bulk;

    GroupProvider(CentreDirectory centres, CurrentActor currentActor, BulkExportProvider bulk) {
        this.centres = centres;
        this.currentActor = currentActor;
        this.bulk = bulk;
    }

    @Override
    public Class<Group> getResourceType() {
        return Group.class;
    }

    @Read
    public Group read(@IdParam IdType id) {
        Actor actor = currentActor.require();
        Centre centre = centres.centre(Ids.uuid(id))
                .filter(c -> PatientRegistry.SYSTEM_ROLE.equals(actor.role())
                        || actor.centreIds().contains(c.id()))
                .orElseThrow(FhirErrors::notFound);
        Group group = new Group();
        group.setId(new IdType("Group", centre.id().toString()));
        group.setType(Group.GroupType.PERSON);
        group.setActual(true);
        group.setName("Patients of " + centre.name());
        group.setManagingEntity(new Reference("Organization/" + centre.id()));
        return group;
    }

    @Operation(name = "$export", manualResponse = true, idempotent = true)
    public void export(
            @IdParam IdType id,
            @OperationParam(name = "_type") @Nullable IPrimitiveType<String> type,
            @OperationParam(name = "_since") @Nullable IPrimitiveType<String> since,
            @OperationParam(name = "_outputFormat") @Nullable IPrimitiveType<String> format,
            @OperationParam(name = "pseudonymised") @Nullable IPrimitiveType<String> pseudonymised,
            ServletRequestDetails request)
            throws IOException {
        bulk.kickOff(BulkExports.Level.GROUP, Ids.uuid(id), type, since, format, pseudonymised, request);
    }
}
