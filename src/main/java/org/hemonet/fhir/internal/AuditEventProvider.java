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
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.audit.RecordAccess;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * AuditEvent, read-only: who accessed a patient's record and when (security.md §15), the same list the access-log page
 * shows — the last 365 days, at most 500 events, newest first, each with the account's display name and role. Only
 * someone who may read the patient's record (the patient, a parent, the centre's staff) gets it; the look is itself
 * audited ({@code AccessLog} READ), as on the page. Id {@code <patient id>-ae-<audit sequence number>}.
 */
@Component
public class AuditEventProvider implements IResourceProvider {

    static final String INFIX = "-ae-";
    static final Duration WINDOW = Duration.ofDays(365);
    static final int LIMIT = 500;
    static final String EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";

    private final PatientRegistry registry;
    private final AuditLog auditLog;
    private final AccountAdministration accounts;
    private final CurrentActor currentActor;
    private final Clock clock;

    AuditEventProvider(
            PatientRegistry registry,
            AuditLog auditLog,
            AccountAdministration accounts,
            CurrentActor currentActor,
            Clock clock) {
        this.registry = registry;
        this.auditLog = auditLog;
        this.accounts = accounts;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @Override
    public Class<AuditEvent> getResourceType() {
        return AuditEvent.class;
    }

    @Read
    public AuditEvent read(@IdParam IdType id) {
        String idPart = id.getIdPart();
        UUID patientId = Ids.patientPrefix(idPart);
        return log(currentActor.require(), patientId).stream()
                .filter(e -> e.getIdElement().getIdPart().equals(idPart))
                .findFirst()
                .orElseThrow(FhirErrors::notFound);
    }

    @Search
    public IBundleProvider search(
            @RequiredParam(name = AuditEvent.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = AuditEvent.SP_DATE) @Nullable DateRangeParam date,
            @Count @Nullable Integer count,
            @Offset @Nullable Integer offset) {
        UUID patientId = Ids.parse(patient.getIdPart());
        List<AuditEvent> found = patientId == null
                ? List.of()
                : log(currentActor.require(), patientId).stream()
                        .filter(e -> Versions.within(date, e.getRecorded().toInstant()))
                        .toList();
        return Pages.slice(Pages.Request.of(offset, count), found);
    }

    /** The patient's access log; the registry read checks (and audits) that the actor may see the patient. */
    private List<AuditEvent> log(Actor actor, UUID patientId) {
        registry.read(actor, patientId);
        List<RecordAccess> accesses =
                auditLog.accessesTo(patientId, clock.instant().minus(WINDOW), LIMIT);
        auditLog.patientAccess(AuditAction.READ, patientId, "AccessLog", null, AuditOutcome.SUCCESS);
        Map<UUID, String> names = accounts.displayNames(accesses.stream()
                .map(RecordAccess::accountId)
                .filter(Objects::nonNull)
                .toList());
        return accesses.stream().map(a -> toFhir(patientId, a, names)).toList();
    }

    static AuditEvent toFhir(UUID patientId, RecordAccess access, Map<UUID, String> names) {
        AuditEvent event = new AuditEvent();
        event.setId(new IdType("AuditEvent", patientId + INFIX + access.seq()));
        event.setType(new Coding(EVENT_TYPE, "rest", "RESTful Operation"));
        event.setAction(action(access.action()));
        event.setRecorded(Date.from(access.occurredAt()));
        event.setOutcome(
                access.outcome() == AuditOutcome.SUCCESS
                        ? AuditEvent.AuditEventOutcome._0
                        : AuditEvent.AuditEventOutcome._4);
        if (access.outcome() != AuditOutcome.SUCCESS) {
            event.setOutcomeDesc("Refused (" + access.outcome().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        String who = access.accountId() == null
                ? access.username()
                : names.getOrDefault(access.accountId(), access.username());
        event.addAgent()
                .setRequestor(true)
                .addRole(new CodeableConcept().setText(access.role()))
                .setWho(new Reference().setDisplay(who))
                .setAltId(access.username());
        event.getSource().setObserver(new Reference().setDisplay("Hemonet")).setSite("Hemonet");
        event.addEntity()
                .setWhat(new Reference("Patient/" + patientId))
                .setName(access.resourceType())
                .setDescription(
                        access.resourceId() == null
                                ? access.resourceType()
                                : access.resourceType() + " " + access.resourceId());
        return event;
    }

    /** FHIR's CRUDE actions: a search is an execute (FHIR R4 AuditEvent, "RESTful Operation"). */
    private static AuditEvent.AuditEventAction action(AuditAction action) {
        return switch (action) {
            case CREATE -> AuditEvent.AuditEventAction.C;
            case READ -> AuditEvent.AuditEventAction.R;
            case UPDATE, VOID -> AuditEvent.AuditEventAction.U;
            default -> AuditEvent.AuditEventAction.E;
        };
    }
}
