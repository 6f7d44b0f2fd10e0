package org.hemonet.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import jakarta.annotation.PreDestroy;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.centre.Centre;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.diary.Bleed;
import org.hemonet.diary.BleedDiary;
import org.hemonet.diary.Infusion;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.identity.PatientScope;
import org.hemonet.identity.Role;
import org.hemonet.outcome.JointScores;
import org.hemonet.patient.PatientRecord;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.safety.AdverseEvents;
import org.hemonet.shared.Actor;
import org.hemonet.shared.NotFoundException;
import org.hemonet.supply.HomeStock;
import org.hemonet.supply.TreatmentPlan;
import org.hemonet.supply.TreatmentPlans;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.SupplyDelivery;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * FHIR Bulk Data export (issue 15; HL7 FHIR Bulk Data Access IG 2.0): a kick-off answers 202 at once and the NDJSON
 * files are written in the background, one file per resource type, under {@code hemonet.data-dir/fhir-export/<job>}.
 *
 * <p><b>Who exports what.</b> A bulk-data system client (client-credentials token with {@code system/*.rs}) may export
 * the whole network ({@code /$export}, {@code /Patient/$export}) or one centre ({@code /Group/<centre id>/$export}); a
 * member of a centre's staff, their centre's patients ({@code /Group/<their centre>/$export}) or every patient they may
 * see ({@code /Patient/$export}). Patients and aggregate roles: 403. Each patient in an export is read through
 * {@link PatientRegistry#readForExport}, which checks access and writes one audit event per patient; the kick-off is
 * audited too.
 *
 * <p><b>Pseudonymised variant</b> ({@code pseudonymised=true}): no names, identifiers, contact details or free text
 * (notes, who gave an infusion, who prescribed); birth dates coarsened to the year; every id that could lead back to a
 * person — the patient's, their infusions' and plans' — replaced by a keyed hash (HMAC-SHA256 under a 256-bit key drawn
 * for the job and then discarded: ids link within one export and not across exports). Centres and products keep their
 * ids. Contacts, staff names, narratives, notes, correction reasons and their authors are left out too (docs/fhir.md);
 * the entry part of built ids ({@code <patient>-bl-<hex>} and the like) is hashed under the same key.
 *
 * <p>A patient's bleeds, joint scores, deliveries and adverse events are read through the owning modules' export
 * methods, without an audit event of their own: the patient's {@code READ} by {@link PatientRegistry#readForExport}
 * covers the whole record.
 *
 * <p>{@code _since}: the resources that carry a time of change — infusions (recorded or last corrected), bleeds (the
 * same), joint scores (recorded), plans (prescribed), deliveries, adverse events, Provenance — are exported when it is
 * after {@code _since} ({@link Versions#changedSince}); the patient, contacts, diagnosis, laboratory results, centres,
 * rosters and products carry none and are exported whole. Jobs and their files are kept for a day, visible
 * only to the account that asked.
 */
@Component
class BulkExports {

    private static final Logger log = LoggerFactory.getLogger(BulkExports.class);

    /** The types an export can hold, in the order the files are listed. */
    static final List<String> TYPES = List.of(
            "Patient",
            "Organization",
            "Condition",
            "Observation",
            "Medication",
            "MedicationRequest",
            "MedicationAdministration",
            "RelatedPerson",
            "Practitioner",
            "PractitionerRole",
            "SupplyDelivery",
            "AdverseEvent",
            "Provenance");

    static final Duration KEPT = Duration.ofDays(1);

    /** Who made a correction, in a pseudonymised export. */
    static final String WITHHELD = "withheld";

    private static final Pattern UUID_PATTERN =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /**
     * The hex digits of an entry's id inside ids built as {@code <patient>-<kind>-<hex>} (bleeds, joint scores,
     * contacts: {@link BleedObservations#INFIX}, {@link JointScoreObservations#INFIX}, {@link RelatedPersonProvider#INFIX})
     * and {@code <patient>-pv-<b|i><hex>-<version>} (corrections, {@link ProvenanceProvider#INFIX}).
     */
    private static final Pattern ENTRY_HEX_PATTERN =
            Pattern.compile("(?<=-(?:bl|js|rp)-)[0-9a-f]{24}|(?<=-pv-[bi])[0-9a-f]{18}");

    enum Level {
        SYSTEM,
        GROUP,
        PATIENT
    }

    enum Status {
        RUNNING,
        DONE,
        FAILED
    }

    /** One export: what was asked, how far it has got, the files written. */
    static final class Job {
        final UUID id = UUID.randomUUID();
        final UUID owner;
        final String request;
        final Instant transactionTime;
        final Path directory;
        final Map<String, Integer> counts = new LinkedHashMap<>();
        /** Problems met on the way, written as OperationOutcomes to the manifest's {@code error} file. */
        final List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());

        volatile Status status = Status.RUNNING;
        volatile int done;
        volatile int total;
        volatile @Nullable String error;
        volatile @Nullable Instant endedAt;
        /** Set by {@link BulkExports#cancel}: the worker stops at the next patient and its files are deleted. */
        volatile boolean cancelled;

        Job(UUID owner, String request, Instant transactionTime, Path root) {
            this.owner = owner;
            this.request = request;
            this.transactionTime = transactionTime;
            this.directory = root.resolve(id.toString());
        }

        Path file(String type) {
            return directory.resolve(type + ".ndjson");
        }
    }

    private final PatientRegistry registry;
    private final BleedDiary diary;
    private final TreatmentPlans plans;
    private final CentreDirectory centres;
    private final ProductCatalogue catalogue;
    private final AccessPolicy accessPolicy;
    private final AuditLog auditLog;
    private final ObjectProvider<FhirContext> fhir;
    private final MedicationAdministrationProvider administrations;
    private final SupplyDeliveryProvider deliveries;
    private final HomeStock homeStock;
    private final JointScores jointScores;
    private final AdverseEvents adverseEvents;
    private final Clock clock;
    private final Path root;
    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "fhir-bulk-export");
        thread.setDaemon(true);
        return thread;
    });

    BulkExports(
            PatientRegistry registry,
            BleedDiary diary,
            TreatmentPlans plans,
            CentreDirectory centres,
            ProductCatalogue catalogue,
            AccessPolicy accessPolicy,
            AuditLog auditLog,
            ObjectProvider<FhirContext> fhir,
            MedicationAdministrationProvider administrations,
            SupplyDeliveryProvider deliveries,
            HomeStock homeStock,
            JointScores jointScores,
            AdverseEvents adverseEvents,
            Clock clock,
            @Value("${hemonet.data-dir:./data}") String dataDir) {
        this.registry = registry;
        this.diary = diary;
        this.plans = plans;
        this.centres = centres;
        this.catalogue = catalogue;
        this.accessPolicy = accessPolicy;
        this.auditLog = auditLog;
        this.fhir = fhir;
        this.administrations = administrations;
        this.deliveries = deliveries;
        this.homeStock = homeStock;
        this.jointScores = jointScores;
        this.adverseEvents = adverseEvents;
        this.clock = clock;
        this.root = Path.of(dataDir).resolve("fhir-export");
    }

    /** The parsed kick-off parameters. */
    record Request(Set<String> types, @Nullable Instant since, boolean pseudonymised) {}

    /** Checks who asks for what, then starts the job; the caller answers 202 with the job's status URL. */
    Job start(Actor actor, Level level, @Nullable UUID centreId, String requestUrl, Request request) {
        boolean system = PatientRegistry.SYSTEM_ROLE.equals(actor.role());
        Role role = system ? null : Role.of(actor.role());
        boolean staff = role != null && role.isCentreStaff();
        if (!system && !staff) {
            audit(actor, null, AuditOutcome.DENIED);
            throw new ForbiddenOperationException(
                    "Bulk export is for bulk-data system clients (system/*.rs) and centre staff.");
        }
        if (level == Level.SYSTEM && !system) {
            audit(actor, null, AuditOutcome.DENIED);
            throw new ForbiddenOperationException(
                    "Export of the whole network is for bulk-data system clients; staff export their centre's"
                            + " patients with Group/<centre id>/$export or Patient/$export.");
        }
        if (level == Level.GROUP) {
            Optional<Centre> centre = centreId == null ? Optional.empty() : centres.centre(centreId);
            if (centre.isEmpty() || !(system || actor.centreIds().contains(centreId))) {
                audit(actor, null, AuditOutcome.DENIED);
                throw FhirErrors.notFound();
            }
        }
        forgetOld();
        Job job = new Job(actor.accountId(), requestUrl, clock.instant(), root);
        jobs.put(job.id, job);
        audit(actor, job.id, AuditOutcome.SUCCESS);
        worker.submit(() -> run(job, actor, level, centreId, request));
        return job;
    }

    /** The job if {@code actor} started it (anyone else: as unknown). */
    Optional<Job> find(Actor actor, UUID id) {
        forgetOld();
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.owner.equals(actor.accountId()));
    }

    private void audit(Actor actor, @Nullable UUID jobId, AuditOutcome outcome) {
        auditLog.record(AuditEvent.by(
                actor, AuditAction.READ, null, "BulkExportRequest", jobId == null ? null : jobId.toString(), outcome));
    }

    private void run(Job job, Actor actor, Level level, @Nullable UUID centreId, Request request) {
        try {
            Files.createDirectories(job.directory);
            List<UUID> patients = patientsFor(actor, level, centreId);
            job.total = patients.size();
            IParser json = fhir.getObject().newJsonParser().setPrettyPrint(false);
            Pseudonyms pseudonyms = request.pseudonymised() ? new Pseudonyms(keepIds()) : null;
            Map<String, BufferedWriter> out = new LinkedHashMap<>();
            try {
                for (String type : TYPES) {
                    if (request.types().contains(type)) {
                        out.put(type, Files.newBufferedWriter(job.file(type), StandardCharsets.UTF_8));
                        job.counts.put(type, 0);
                    }
                }
                Set<UUID> centresSeen = new LinkedHashSet<>();
                for (UUID patientId : patients) {
                    if (job.cancelled) {
                        break;
                    }
                    PatientRecord record;
                    try {
                        record = registry.readForExport(actor, patientId);
                    } catch (NotFoundException gone) {
                        job.done++;
                        continue; // no longer visible (moved centre) or no longer living: not exported
                    }
                    centresSeen.add(record.centreId());
                    centresSeen.addAll(record.sharedCareCentreIds());
                    List<IBaseResource> resources;
                    try {
                        resources = resourcesOf(record, request);
                    } catch (RuntimeException e) {
                        // one record that cannot be mapped (e.g. an infusion of a product the catalogue does not hold)
                        // is reported in the manifest's error file; the rest of the export goes on
                        log.warn("Bulk export {}: patient {} could not be exported", job.id, patientId, e);
                        job.errors.add("A patient's record could not be exported ("
                                + e.getClass().getSimpleName() + "); the other records are complete.");
                        job.done++;
                        continue;
                    }
                    for (IBaseResource resource : resources) {
                        write(out, job, json, resource, pseudonyms);
                    }
                    job.done++;
                }
                if (out.containsKey("Organization")) {
                    for (UUID centre : centresSeen.isEmpty() && centreId != null ? Set.of(centreId) : centresSeen) {
                        centres.centre(centre)
                                .map(OrganizationProvider::toFhir)
                                .ifPresent(o -> write(out, job, json, o, pseudonyms));
                    }
                }
                for (UUID centre : centresSeen.isEmpty() && centreId != null ? Set.of(centreId) : centresSeen) {
                    for (org.hemonet.centre.TeamMember member : centres.team(centre)) {
                        if (out.containsKey("Practitioner")) {
                            write(out, job, json, PractitionerProvider.toFhir(member), pseudonyms);
                        }
                        if (out.containsKey("PractitionerRole")) {
                            write(out, job, json, PractitionerRoleProvider.toFhir(member), pseudonyms);
                        }
                    }
                }
                if (out.containsKey("Medication")) {
                    catalogue.products().stream()
                            .sorted(Comparator.comparing(Product::brandName))
                            .map(MedicationProvider::resource)
                            .forEach(m -> write(out, job, json, m, pseudonyms));
                }
            } finally {
                for (BufferedWriter writer : out.values()) {
                    writer.close();
                }
            }
            if (!job.errors.isEmpty()) {
                writeErrors(job, json);
            }
            job.status = Status.DONE;
        } catch (Exception e) {
            log.warn("Bulk export {} failed", job.id, e);
            job.error = "The export could not be completed; ask the administrator (export " + job.id + ").";
            job.status = Status.FAILED;
        } finally {
            job.endedAt = clock.instant();
            if (job.cancelled) {
                deleteQuietly(job.directory);
            }
        }
    }

    /**
     * Cancels a job (Bulk Data Access IG 2.0, "Delete a Bulk Data Request"): it is forgotten at once, a running export
     * stops at the next patient, and its files are deleted. Audited like the kick-off, as a {@code VOID}.
     */
    void cancel(Actor actor, Job job) {
        job.cancelled = true;
        jobs.remove(job.id);
        if (job.status != Status.RUNNING) {
            deleteQuietly(job.directory);
        }
        auditLog.record(AuditEvent.by(
                actor, AuditAction.VOID, null, "BulkExportRequest", job.id.toString(), AuditOutcome.SUCCESS));
    }

    /** The manifest's error file: one OperationOutcome per problem (no patient identifiers in the text). */
    private static void writeErrors(Job job, IParser json) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(job.file("OperationOutcome"), StandardCharsets.UTF_8)) {
            for (String message : job.errors) {
                org.hl7.fhir.r4.model.OperationOutcome outcome = FhirErrors.outcome(
                        org.hl7.fhir.r4.model.OperationOutcome.IssueType.EXCEPTION, "internal-error", message);
                writer.write(json.encodeResourceToString(outcome));
                writer.write('\n');
            }
        }
    }

    private List<UUID> patientsFor(Actor actor, Level level, @Nullable UUID centreId) {
        boolean system = PatientRegistry.SYSTEM_ROLE.equals(actor.role());
        List<UUID> ids = new ArrayList<>();
        for (PatientSummary summary : registry.allForAggregates()) {
            Optional<PatientScope> scope = registry.scopeOf(summary.id());
            if (scope.isEmpty()) {
                continue;
            }
            boolean wanted =
                    switch (level) {
                        case SYSTEM -> system;
                        case GROUP -> scope.get().isCaredForAt(Set.of(java.util.Objects.requireNonNull(centreId)));
                        case PATIENT -> system || accessPolicy.mayRead(actor, scope.get());
                    };
            if (wanted) {
                ids.add(summary.id());
            }
        }
        ids.sort(Comparator.naturalOrder());
        return ids;
    }

    private List<IBaseResource> resourcesOf(PatientRecord record, Request request) {
        List<IBaseResource> all = new ArrayList<>();
        Set<String> types = request.types();
        if (types.contains("Patient")) {
            all.add(PatientProvider.toFhir(record));
        }
        if (types.contains("Condition")) {
            all.add(ConditionProvider.toFhir(record));
        }
        BleedDiary.DiaryDetails details = types.contains("Observation")
                        || types.contains("Provenance")
                        || types.contains("MedicationAdministration")
                ? diary.detailsForExport(record.id())
                : null;
        if (types.contains("Observation")) {
            all.addAll(ObservationProvider.toFhir(record));
            diary.entriesOf(record.id()).bleeds().stream()
                    .filter(b -> !b.isVoided())
                    .sorted(Comparator.comparing(Bleed::startedAt))
                    .map(b -> BleedObservations.toFhir(b, details.versionOf(b.id()), details.revisionsOfBleed(b.id())))
                    .forEach(all::add);
            jointScores.currentForExport(record.id()).stream()
                    .filter(score -> !score.voided())
                    .map(score -> JointScoreObservations.toFhir(record.id(), score))
                    .forEach(all::add);
        }
        if (types.contains("MedicationRequest")) {
            for (TreatmentPlan plan : plans.livingPlansForExport(record.id())) {
                all.add(MedicationRequestProvider.toFhir(plan, clock));
            }
        }
        if (types.contains("MedicationAdministration")) {
            diary.entriesOf(record.id()).infusions().stream()
                    .filter(i -> !i.isVoided())
                    .sorted(Comparator.comparing(Infusion::administeredAt))
                    .map(i -> administrations.current(i, java.util.Objects.requireNonNull(details)))
                    .forEach(all::add);
        }
        if (types.contains("RelatedPerson")) {
            all.addAll(RelatedPersonProvider.toFhir(record));
        }
        if (types.contains("SupplyDelivery")) {
            homeStock.deliveriesForExport(record.id()).stream()
                    .flatMap(d -> deliveries.toFhir(d).stream())
                    .forEach(all::add);
        }
        if (types.contains("AdverseEvent")) {
            adverseEvents.forExport(record.id()).stream()
                    .filter(e -> e.voidedAt() == null)
                    .map(AdverseEventProvider::toFhir)
                    .forEach(all::add);
        }
        if (types.contains("Provenance")) {
            all.addAll(ProvenanceProvider.of(record, java.util.Objects.requireNonNull(details)));
        }
        // _since: what carries a time of change and did not change after it is left out (Versions.changedSince)
        all.removeIf(resource -> !Versions.changedSince(resource, request.since()));
        return all;
    }

    private void write(
            Map<String, BufferedWriter> out,
            Job job,
            IParser json,
            IBaseResource resource,
            @Nullable Pseudonyms pseudonyms) {
        String type = resource.fhirType();
        BufferedWriter writer = out.get(type);
        if (writer == null) {
            return;
        }
        if (pseudonyms != null) {
            strip(resource);
        }
        String line = json.encodeResourceToString(resource);
        if (pseudonyms != null) {
            line = pseudonyms.replaceIn(line);
        }
        try {
            writer.write(line);
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        job.counts.merge(type, 1, Integer::sum);
    }

    /** What a pseudonymised export leaves out: names, identifiers, contacts, free text, the day of birth. */
    private static void strip(IBaseResource resource) {
        if (resource instanceof Patient patient) {
            patient.setName(null);
            patient.setIdentifier(null);
            patient.setTelecom(null);
            patient.setAddress(null);
            patient.setContact(null);
            if (patient.getBirthDateElement().getValue() != null) {
                patient.setBirthDateElement(new DateType(
                        String.valueOf(patient.getBirthDateElement().getYear())));
            }
        } else if (resource instanceof MedicationAdministration administration) {
            administration.setNote(null);
            administration.setPerformer(null);
        } else if (resource instanceof MedicationRequest request) {
            request.setNote(null);
            request.setRequester(null);
        } else if (resource instanceof Observation observation) {
            observation.setNote(null);
        } else if (resource instanceof RelatedPerson person) {
            // a contact's name and phone; the relationship in words is free text (its code stays)
            person.setName(null);
            person.setTelecom(null);
            person.setAddress(null);
            person.getRelationship().forEach(r -> r.setText(null));
        } else if (resource instanceof Practitioner practitioner) {
            practitioner.setName(null);
            practitioner.setTelecom(null);
            practitioner.setIdentifier(null);
        } else if (resource instanceof PractitionerRole role) {
            role.getPractitioner().setDisplay(null);
            role.setTelecom(null);
        } else if (resource instanceof SupplyDelivery delivery) {
            delivery.setIdentifier(null); // the delivery's reference, as printed on its paperwork
        } else if (resource instanceof org.hl7.fhir.r4.model.AdverseEvent event) {
            event.getEvent().setText(null); // the narrative
            event.setRecorder(null);
        } else if (resource instanceof Provenance provenance) {
            // agent.who is required: the author is named as withheld, not by their account
            provenance.getAgent().forEach(a -> a.setWho(new org.hl7.fhir.r4.model.Reference().setDisplay(WITHHELD)));
            provenance.getReason().forEach(r -> r.setText(null)); // the person's own words
        }
    }

    /** Ids that lead to no person and keep their value: centres and products. */
    private Set<String> keepIds() {
        Set<String> keep = new HashSet<>();
        centres.centres().forEach(c -> keep.add(c.id().toString()));
        catalogue.products().forEach(p -> keep.add(p.id().toString()));
        return keep;
    }

    /** Keyed-hash replacements for every other UUID in an export, under a key of the job's own. */
    static final class Pseudonyms {
        private final Set<String> keep;
        private final Mac mac;

        Pseudonyms(Set<String> keep) {
            this.keep = keep;
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException(e);
            }
        }

        String replaceIn(String json) {
            Matcher m = UUID_PATTERN.matcher(json);
            StringBuilder out = new StringBuilder(json.length());
            while (m.find()) {
                String id = m.group();
                m.appendReplacement(out, keep.contains(id) ? id : pseudonym(id));
            }
            m.appendTail(out);
            Matcher hex = ENTRY_HEX_PATTERN.matcher(out);
            StringBuilder entries = new StringBuilder(out.length());
            while (hex.find()) {
                String digits = hex.group();
                hex.appendReplacement(
                        entries, pseudonym(digits).replace("-", "").substring(0, digits.length()));
            }
            hex.appendTail(entries);
            return entries.toString();
        }

        /** HMAC-SHA256 of the id, its first 128 bits written as a UUID (version 8: custom). */
        String pseudonym(String id) {
            byte[] h = mac.doFinal(id.getBytes(StandardCharsets.US_ASCII));
            h[6] = (byte) ((h[6] & 0x0f) | 0x80);
            h[8] = (byte) ((h[8] & 0x3f) | 0x80);
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(h, 0, 16);
            return new UUID(b.getLong(), b.getLong()).toString();
        }
    }

    private void forgetOld() {
        Instant cutoff = clock.instant().minus(KEPT);
        jobs.values().removeIf(job -> {
            Instant ended = job.endedAt;
            if (ended == null || !ended.isBefore(cutoff)) {
                return false;
            }
            deleteQuietly(job.directory);
            return true;
        });
    }

    private static void deleteQuietly(Path directory) {
        try (var files = Files.list(directory)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            log.warn("Could not delete export files in {}", directory, e);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
