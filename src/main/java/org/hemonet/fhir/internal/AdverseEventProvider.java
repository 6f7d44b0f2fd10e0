package org.hemonet.fhir.internal;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hemonet.safety.AdverseEvent;
import org.hemonet.safety.AdverseEventOutcome;
import org.hemonet.safety.AdverseEventStatus;
import org.hemonet.safety.AdverseEvents;
import org.hemonet.shared.CurrentActor;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * AdverseEvent: the safety module's adverse event reports (issue 13, clinical.md §9), read through {@link
 * AdverseEvents} (its access policy and audit: another centre's report is 404 like an unknown one; a patient sees the
 * reports they filed). {@code actuality} actual; {@code event} the Hemonet EUHASS-style category (no standard code
 * system has these categories), with the narrative as its text; {@code seriousness} and {@code outcome} in FHIR's own
 * code systems; {@code suspectEntity} the product and, when the report was filed from an infusion, that infusion. A
 * voided report is 410 Gone and left out of searches; drafts are served (FHIR R4 AdverseEvent has no status).
 */
@Component
public class AdverseEventProvider implements IResourceProvider {

    static final String SERIOUSNESS = "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness";
    static final String OUTCOME = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome";

    private final AdverseEvents events;
    private final CurrentActor currentActor;

    AdverseEventProvider(AdverseEvents events, CurrentActor currentActor) {
        this.events = events;
        this.currentActor = currentActor;
    }

    @Override
    public Class<org.hl7.fhir.r4.model.AdverseEvent> getResourceType() {
        return org.hl7.fhir.r4.model.AdverseEvent.class;
    }

    @Read
    public org.hl7.fhir.r4.model.AdverseEvent read(@IdParam IdType id) {
        AdverseEvent event = events.get(currentActor.require(), Ids.uuid(id));
        if (event.status() == AdverseEventStatus.VOIDED) {
            throw FhirErrors.gone();
        }
        return toFhir(event);
    }

    @Search
    public IBundleProvider search(
            @RequiredParam(name = org.hl7.fhir.r4.model.AdverseEvent.SP_SUBJECT) ReferenceParam patient,
            @OptionalParam(name = "_lastUpdated") @Nullable DateRangeParam lastUpdated,
            @Count @Nullable Integer count,
            @Offset @Nullable Integer offset) {
        UUID patientId = Ids.parse(patient.getIdPart());
        List<org.hl7.fhir.r4.model.AdverseEvent> found = patientId == null
                ? List.of()
                : of(patientId).stream()
                        .filter(e -> Versions.lastUpdatedWithin(lastUpdated, e))
                        .toList();
        return Pages.slice(Pages.Request.of(offset, count), found);
    }

    /** The patient's reports that are not voided, through the safety module (audited there). */
    List<org.hl7.fhir.r4.model.AdverseEvent> of(UUID patientId) {
        return events.list(currentActor.require(), patientId, null, null).stream()
                .filter(e -> e.status() != AdverseEventStatus.VOIDED)
                .map(AdverseEventProvider::toFhir)
                .toList();
    }

    static org.hl7.fhir.r4.model.AdverseEvent toFhir(AdverseEvent event) {
        org.hl7.fhir.r4.model.AdverseEvent resource = new org.hl7.fhir.r4.model.AdverseEvent();
        resource.setId(new IdType("AdverseEvent", event.id().toString()));
        resource.getIdentifier().setSystem(Terminology.RFC3986).setValue("urn:uuid:" + event.id());
        resource.setActuality(org.hl7.fhir.r4.model.AdverseEvent.AdverseEventActuality.ACTUAL);
        CodeableConcept what =
                new CodeableConcept(Terminology.coding(Terminology.ADVERSE_EVENT_CATEGORY, event.category()));
        if (event.narrative() != null) {
            what.setText(event.narrative());
        }
        resource.setEvent(what);
        resource.setSubject(new Reference("Patient/" + event.patientId()));
        resource.setDateElement(new DateTimeType(event.onsetOn().toString()));
        resource.setRecordedDate(Date.from(event.createdAt()));
        resource.setRecorder(new Reference().setDisplay(event.reporter()));
        resource.setSeriousness(new CodeableConcept(
                event.serious()
                        ? new Coding(SERIOUSNESS, "Serious", "Serious")
                        : new Coding(SERIOUSNESS, "Non-serious", "Non-serious")));
        resource.setOutcome(new CodeableConcept(outcome(event.outcome())));
        if (event.productId() != null) {
            Reference product = new Reference("Medication/" + event.productId());
            if (event.batchNumber() != null) {
                product.setDisplay("Batch " + event.batchNumber());
            }
            resource.addSuspectEntity().setInstance(product);
        }
        if (event.infusionId() != null) {
            resource.addSuspectEntity().setInstance(new Reference("MedicationAdministration/" + event.infusionId()));
        }
        return Versions.stamp(resource, event.version(), event.updatedAt());
    }

    private static Coding outcome(AdverseEventOutcome outcome) {
        return switch (outcome) {
            case RECOVERED -> new Coding(OUTCOME, "resolved", "Resolved");
            case RECOVERING -> new Coding(OUTCOME, "recovering", "Recovering");
            case NOT_RECOVERED -> new Coding(OUTCOME, "ongoing", "Ongoing");
            case FATAL -> new Coding(OUTCOME, "fatal", "Fatal");
            case UNKNOWN -> new Coding(OUTCOME, "unknown", "Unknown");
        };
    }
}
