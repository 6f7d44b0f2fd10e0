package org.hemonet.diary;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.diary.internal.DiaryQueries;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.identity.PatientScope;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.shared.Actor;
import org.hemonet.shared.ConflictException;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.hemonet.shared.StaleVersionException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The diary's API: log, list and void bleeds and infusions of a patient, and store offline sync batches.
 *
 * <p>Every call touching a patient writes one audit event (security.md §13): with the change, in its transaction, or —
 * when the access policy says no — on its own, committed, before the call answers "not found" exactly as for an
 * unknown id (§2). Aggregate roles are refused outright (§6).
 */
@Service
public class BleedDiary {

    public static final int MAX_SYNC_ENTRIES = 1000;

    /** An entry up to this far in the future is taken as "now" (phones' clocks run a little fast). */
    public static final java.time.Duration CLOCK_SKEW = DiaryEntryRules.CLOCK_SKEW;

    /** The largest dose the diary takes, in IU of a factor concentrate and in mg (emicizumab). */
    public static final BigDecimal MAX_DOSE_IU = DiaryEntryRules.MAX_DOSE_IU;

    public static final BigDecimal MAX_DOSE_MG = DiaryEntryRules.MAX_DOSE_MG;

    private final DiaryQueries queries;
    private final PatientRegistry patients;
    private final AccessPolicy accessPolicy;
    private final AuditLog auditLog;
    private final ProductCheck productCheck;
    private final RecallCheck recallCheck;
    private final ScheduledDoses scheduledDoses;
    private final org.hemonet.identity.AccountAdministration accounts;
    private final ApplicationEventPublisher events;
    private final org.springframework.beans.factory.ObjectProvider<InfusionWarnings> infusionWarnings;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final DiaryEntryRules rules;

    BleedDiary(
            DiaryQueries queries,
            PatientRegistry patients,
            AccessPolicy accessPolicy,
            AuditLog auditLog,
            ProductCheck productCheck,
            RecallCheck recallCheck,
            ScheduledDoses scheduledDoses,
            org.hemonet.identity.AccountAdministration accounts,
            ApplicationEventPublisher events,
            org.springframework.beans.factory.ObjectProvider<InfusionWarnings> infusionWarnings,
            PlatformTransactionManager transactions,
            Clock clock,
            DiaryEntryRules rules) {
        this.rules = rules;
        this.queries = queries;
        this.patients = patients;
        this.accessPolicy = accessPolicy;
        this.auditLog = auditLog;
        this.productCheck = productCheck;
        this.recallCheck = recallCheck;
        this.scheduledDoses = scheduledDoses;
        this.accounts = accounts;
        this.events = events;
        this.infusionWarnings = infusionWarnings;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public Bleed recordBleed(Actor actor, UUID patientId, BleedRequest request) {
        requireAccess(actor, patientId, "Bleed", AuditAction.CREATE);
        Bleed bleed = rules.bleedOf(actor, patientId, UUID.randomUUID(), request, "");
        return inTransaction(() -> {
            storeBleed(bleed);
            return bleed;
        });
    }

    public Infusion recordInfusion(Actor actor, UUID patientId, InfusionRequest request) {
        requireAccess(actor, patientId, "Infusion", AuditAction.CREATE);
        Infusion infusion = rules.infusionOf(actor, patientId, UUID.randomUUID(), request, "", Set.of(), true);
        return inTransaction(() -> {
            storeInfusion(infusion);
            return infusion;
        });
    }

    /**
     * Warnings for the patient about a stored infusion: its batch has been recalled (issue 5), and the clinical
     * warnings of {@link InfusionWarnings} (issue 13). The infusion stays recorded; the centre is alerted by the supply
     * module from {@link InfusionRecorded}.
     */
    public List<String> warningsFor(Actor actor, Infusion infusion) {
        List<String> all = new ArrayList<>();
        recallCheck.recallWarning(infusion.productId(), infusion.batchNumber()).ifPresent(all::add);
        all.addAll(clinicalWarningsFor(actor, infusion));
        return all;
    }

    /** Has the infusion's batch been recalled (issue 5)? */
    public boolean fromRecalledBatch(Infusion infusion) {
        return recallCheck
                .recallWarning(infusion.productId(), infusion.batchNumber())
                .isPresent();
    }

    /** The clinical warnings of {@link InfusionWarnings} alone (issue 13). */
    public List<String> clinicalWarningsFor(Actor actor, Infusion infusion) {
        List<String> all = new ArrayList<>();
        infusionWarnings.orderedStream().forEach(w -> all.addAll(w.warningsFor(actor, infusion)));
        return all;
    }

    /** A patient's bleeds, newest first, voided ones included (they show as voided). */
    public List<Bleed> bleeds(Actor actor, UUID patientId) {
        requireAccess(actor, patientId, "Bleed", AuditAction.READ);
        auditLog.patientAccess(AuditAction.READ, patientId, "Bleed", null, AuditOutcome.SUCCESS);
        return newestFirst(queries.bleeds(patientId));
    }

    public List<Infusion> infusions(Actor actor, UUID patientId) {
        requireAccess(actor, patientId, "Infusion", AuditAction.READ);
        auditLog.patientAccess(AuditAction.READ, patientId, "Infusion", null, AuditOutcome.SUCCESS);
        return newestFirst(queries.infusions(patientId));
    }

    /** A patient's whole diary for a page that shows both lists: one read, one audit event. Newest first. */
    public DiaryEntries diary(Actor actor, UUID patientId) {
        requireAccess(actor, patientId, "Diary", AuditAction.READ);
        auditLog.patientAccess(AuditAction.READ, patientId, "Diary", null, AuditOutcome.SUCCESS);
        return new DiaryEntries(newestFirst(queries.bleeds(patientId)), newestFirst(queries.infusions(patientId)));
    }

    /**
     * The whole diary of a patient, for the outcome module. No access check and no audit: the caller has done both for
     * the read it serves.
     */
    public DiaryEntries entriesOf(UUID patientId) {
        return new DiaryEntries(queries.bleeds(patientId), queries.infusions(patientId));
    }

    /**
     * The diaries of several patients for a read model over a centre (issue 6, "patients needing attention"), reduced to
     * what outcome measures need: every living bleed, the infusions that treat a bleed and every infusion from
     * {@code infusionsSince}. Two queries whatever the number of patients; every patient asked for is in the map. No
     * access check and no audit: the caller has done both for the list it serves.
     */
    public Map<UUID, DiaryFacts> factsOf(java.util.Collection<UUID> patientIds, Instant infusionsSince) {
        Map<UUID, List<BleedFacts>> bleeds = queries.liveBleedFacts(patientIds);
        Map<UUID, List<InfusionFacts>> infusions = queries.liveInfusionFacts(patientIds, infusionsSince);
        Map<UUID, DiaryFacts> result = new HashMap<>();
        for (UUID id : patientIds) {
            result.put(id, new DiaryFacts(bleeds.getOrDefault(id, List.of()), infusions.getOrDefault(id, List.of())));
        }
        return result;
    }

    /**
     * Which of the patients were treated in the calendar {@code year} in {@code zone}: a living infusion in it, as
     * {@link #productYears} counts them (clinical.md §9). No access check and no audit: the caller serves aggregates only.
     */
    public java.util.Set<UUID> treatedIn(int year, java.time.ZoneId zone, java.util.Collection<UUID> patientIds) {
        return queries.withInfusionBetween(
                patientIds,
                java.time.LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant(),
                java.time.LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant());
    }

    /** A patient treated with a product at least once in a calendar year (clinical.md §9). */
    public record ProductYear(UUID patientId, UUID productId, int year) {}

    /**
     * Every (patient, product, calendar year in {@code zone}) with a living infusion from {@code fromYear} to
     * {@code toYear}, both included, for safety surveillance's treatment-years (issue 13). No access check and no
     * audit: the caller serves aggregates only.
     */
    public List<ProductYear> productYears(int fromYear, int toYear, java.time.ZoneId zone) {
        return queries.productYears(fromYear, toYear, zone).stream()
                .map(r -> new ProductYear((UUID) r[0], (UUID) r[1], (Integer) r[2]))
                .toList();
    }

    /**
     * A counter per patient that grows whenever anything of the patient's diary is written (an entry added, voided or
     * corrected, by any path: kept by database triggers), for read models that keep per-patient results and must know
     * when to recompute them (issue 14). Patients whose diary was never written are absent. No access check, no audit:
     * it reveals nothing but that something changed.
     */
    public Map<UUID, Long> changeVersions(java.util.Collection<UUID> patientIds) {
        return queries.changeVersions(patientIds);
    }

    /** When a patient's diary starts and when it was last written to: first and last entry time, voided ones aside. */
    public record EntrySpan(Instant first, Instant last) {}

    /** The entry span of each of the patients that has a diary at all (no access check, no audit: see above). */
    public Map<UUID, EntrySpan> entrySpans(java.util.Collection<UUID> patientIds) {
        Map<UUID, EntrySpan> spans = new HashMap<>();
        queries.entrySpans(patientIds).forEach((id, span) -> spans.put(id, new EntrySpan(span[0], span[1])));
        return spans;
    }

    /**
     * The living diaries of many patients from {@code from} (inclusive) to {@code to} (exclusive) and the time of each one's first entry ever, for cohort
     * outcomes: three queries whatever the number of patients (issue 6). No access check and no audit: the caller
     * serves aggregates only and checks who may see them.
     */
    public CohortEntries entriesOfPatients(java.util.Collection<UUID> patientIds, Instant from, Instant to) {
        Map<UUID, List<Bleed>> bleeds = new HashMap<>();
        for (Bleed b : queries.bleedsOf(patientIds, from, to)) {
            bleeds.computeIfAbsent(b.patientId(), k -> new ArrayList<>()).add(b);
        }
        Map<UUID, List<Infusion>> infusions = new HashMap<>();
        for (Infusion i : queries.infusionsOf(patientIds, from, to)) {
            infusions.computeIfAbsent(i.patientId(), k -> new ArrayList<>()).add(i);
        }
        return new CohortEntries(bleeds, infusions, queries.firstEntries(patientIds));
    }

    /**
     * The living (not voided) entries of one patient with only what outcome measures need (clinical.md §3–§5), in time
     * order: two index-only scans, the fast path for outcomes over many years (issue 6 "Scale"). No access check and
     * no audit: the caller has done both.
     */
    public DiaryFacts factsOf(UUID patientId) {
        return new DiaryFacts(queries.liveBleedFacts(patientId), queries.liveInfusionFacts(patientId));
    }

    /** A patient's living bleeds and infusions, reduced to what outcome measures use; see {@link #factsOf}. */
    public record DiaryFacts(List<BleedFacts> bleeds, List<InfusionFacts> infusions) {}

    /** Everything logged for one patient, in time order, voided entries included. */
    public record DiaryEntries(List<Bleed> bleeds, List<Infusion> infusions) {}

    public Bleed voidBleed(Actor actor, UUID patientId, UUID bleedId, VoidRequest request) {
        requireAccess(actor, patientId, "Bleed", AuditAction.VOID);
        String reason = DiaryEntryRules.voidReason(request);
        return inTransaction(() -> {
            if (!queries.voidBleed(bleedId, patientId, clock.instant(), actor.username(), reason)) {
                throw new NotFoundException("bleed");
            }
            auditLog.patientAccess(AuditAction.VOID, patientId, "Bleed", bleedId.toString(), AuditOutcome.SUCCESS);
            return queries.bleed(bleedId).orElseThrow();
        });
    }

    public Infusion voidInfusion(Actor actor, UUID patientId, UUID infusionId, VoidRequest request) {
        requireAccess(actor, patientId, "Infusion", AuditAction.VOID);
        String reason = DiaryEntryRules.voidReason(request);
        return inTransaction(() -> {
            if (!queries.voidInfusion(infusionId, patientId, clock.instant(), actor.username(), reason)) {
                throw new NotFoundException("infusion");
            }
            auditLog.patientAccess(
                    AuditAction.VOID, patientId, "Infusion", infusionId.toString(), AuditOutcome.SUCCESS);
            // supply returns its vials to home stock once the void is committed
            events.publishEvent(new InfusionVoided(infusionId, patientId, reason));
            return queries.infusion(infusionId).orElseThrow();
        });
    }

    /** One bleed of the patient, voided or not. */
    public Bleed bleed(Actor actor, UUID patientId, UUID bleedId) {
        requireAccess(actor, patientId, "Bleed", AuditAction.READ);
        Bleed bleed = queries.bleed(bleedId)
                .filter(b -> b.patientId().equals(patientId))
                .orElseThrow(() -> new NotFoundException("bleed"));
        auditLog.patientAccess(AuditAction.READ, patientId, "Bleed", bleedId.toString(), AuditOutcome.SUCCESS);
        return bleed;
    }

    public Infusion infusion(Actor actor, UUID patientId, UUID infusionId) {
        requireAccess(actor, patientId, "Infusion", AuditAction.READ);
        Infusion infusion = queries.infusion(infusionId)
                .filter(i -> i.patientId().equals(patientId))
                .orElseThrow(() -> new NotFoundException("infusion"));
        auditLog.patientAccess(AuditAction.READ, patientId, "Infusion", infusionId.toString(), AuditOutcome.SUCCESS);
        return infusion;
    }

    /**
     * The infusion as stored, for the caller that has just stored it (through {@link #sync}, whose {@code CREATE} audit
     * event covers the write and its answer): access is checked again, but no read is audited.
     */
    public Infusion storedInfusion(Actor actor, UUID patientId, UUID infusionId) {
        requireAccess(actor, patientId, "Infusion", AuditAction.CREATE);
        return queries.infusion(infusionId)
                .filter(i -> i.patientId().equals(patientId))
                .orElseThrow(() -> new NotFoundException("infusion"));
    }

    /**
     * One infusion by its id alone (FHIR reads name no patient), voided or not. An unknown id and an infusion of a
     * patient the actor may not see are both {@link NotFoundException}; the refusal is audited as for {@link
     * #infusion(Actor, UUID, UUID)}.
     */
    public Infusion infusion(Actor actor, UUID infusionId) {
        refuseAggregateRoles(actor);
        Infusion infusion = queries.infusion(infusionId).orElseThrow(() -> new NotFoundException("infusion"));
        return infusion(actor, infusion.patientId(), infusionId);
    }

    /**
     * What goes with a patient's entries when they are shown: current versions, earlier versions, photos and
     * annotations. For a caller that has just read (and audited) the entries themselves; access is checked again.
     */
    public DiaryDetails details(Actor actor, UUID patientId) {
        requireAccess(actor, patientId, "Diary", AuditAction.READ);
        return detailsOf(patientId);
    }

    /**
     * The details of a patient's entries (current versions, earlier versions) for a FHIR bulk export (issue 15): no
     * access check and no audit — the export has read the patient through {@code PatientRegistry.readForExport}, which
     * checks and audits.
     */
    public DiaryDetails detailsForExport(UUID patientId) {
        return detailsOf(patientId);
    }

    /**
     * What the diary page shows, under one audit event: the entries with their details, and the one-tap dose (null when
     * the patient has no active prophylaxis plan).
     */
    public DiaryPage page(Actor actor, UUID patientId) {
        DiaryEntries entries = diary(actor, patientId);
        return new DiaryPage(entries, detailsOf(patientId), doseOf(patientId).orElse(null));
    }

    public record DiaryPage(DiaryEntries entries, DiaryDetails details, @Nullable ScheduledDose scheduledDose) {}

    private DiaryDetails detailsOf(UUID patientId) {
        Map<UUID, List<Annotation>> annotations = new HashMap<>();
        queries.annotations(patientId).forEach(a -> annotations
                .computeIfAbsent(a.entryId(), k -> new ArrayList<>())
                .add(a));
        Map<UUID, List<Revision<Bleed>>> bleedRevisions = new HashMap<>();
        queries.bleedRevisions(patientId).forEach(r -> bleedRevisions
                .computeIfAbsent(r.previous().id(), k -> new ArrayList<>())
                .add(r));
        Map<UUID, List<Revision<Infusion>>> infusionRevisions = new HashMap<>();
        queries.infusionRevisions(patientId).forEach(r -> infusionRevisions
                .computeIfAbsent(r.previous().id(), k -> new ArrayList<>())
                .add(r));
        return new DiaryDetails(
                queries.versions(patientId),
                queries.bleedsWithPhotos(patientId),
                annotations,
                bleedRevisions,
                infusionRevisions);
    }

    /** Versions, photos, annotations and history of a patient's entries, by entry id. */
    public record DiaryDetails(
            Map<UUID, Integer> versions,
            Set<UUID> bleedsWithPhotos,
            Map<UUID, List<Annotation>> annotations,
            Map<UUID, List<Revision<Bleed>>> bleedRevisions,
            Map<UUID, List<Revision<Infusion>>> infusionRevisions) {

        public int versionOf(UUID entryId) {
            return versions.getOrDefault(entryId, 0);
        }

        public boolean hasPhoto(UUID bleedId) {
            return bleedsWithPhotos.contains(bleedId);
        }

        public List<Annotation> annotationsOf(UUID entryId) {
            return annotations.getOrDefault(entryId, List.of());
        }

        public List<Revision<Bleed>> revisionsOfBleed(UUID bleedId) {
            return bleedRevisions.getOrDefault(bleedId, List.of());
        }

        public List<Revision<Infusion>> revisionsOfInfusion(UUID infusionId) {
            return infusionRevisions.getOrDefault(infusionId, List.of());
        }
    }

    /**
     * Corrects a bleed (security.md §18–§19): the version it replaces is kept with who, when and why; the entry keeps
     * its id, so outcomes read the new values. A stale version → 412, a voided entry → 409.
     */
    public Bleed correctBleed(Actor actor, UUID patientId, UUID bleedId, BleedCorrection correction) {
        requireAccess(actor, patientId, "Bleed", AuditAction.UPDATE);
        int version = DiaryEntryRules.require(correction.version(), "version");
        String reason = DiaryEntryRules.correctionReason(correction.reason());
        return inTransaction(() -> {
            DiaryQueries.EntryState state =
                    queries.lockBleed(bleedId, patientId).orElseThrow(() -> new NotFoundException("bleed"));
            checkState(state, version);
            Bleed current = queries.bleed(bleedId).orElseThrow();
            Bleed corrected = rules.bleedOf(actor, patientId, bleedId, correction.over(current), "");
            queries.correctBleed(corrected, version, clock.instant(), actor.username(), reason);
            auditLog.patientAccess(AuditAction.UPDATE, patientId, "Bleed", bleedId.toString(), AuditOutcome.SUCCESS);
            return queries.bleed(bleedId).orElseThrow();
        });
    }

    /**
     * Corrects an infusion like {@link #correctBleed}; the supply module recounts its vials from the new dose and batch
     * ({@link InfusionCorrected}).
     */
    public Infusion correctInfusion(Actor actor, UUID patientId, UUID infusionId, InfusionCorrection correction) {
        requireAccess(actor, patientId, "Infusion", AuditAction.UPDATE);
        int version = DiaryEntryRules.require(correction.version(), "version");
        String reason = DiaryEntryRules.correctionReason(correction.reason());
        return inTransaction(() -> {
            DiaryQueries.EntryState state =
                    queries.lockInfusion(infusionId, patientId).orElseThrow(() -> new NotFoundException("infusion"));
            checkState(state, version);
            Infusion current = queries.infusion(infusionId).orElseThrow();
            InfusionRequest over = correction.over(current);
            Infusion corrected = rules.infusionOf(
                    actor,
                    patientId,
                    infusionId,
                    over,
                    "",
                    Set.of(),
                    !current.productId().equals(over.productId()));
            queries.correctInfusion(corrected, version, clock.instant(), actor.username(), reason);
            auditLog.patientAccess(
                    AuditAction.UPDATE, patientId, "Infusion", infusionId.toString(), AuditOutcome.SUCCESS);
            boolean iu = corrected.unit() == DoseUnit.IU;
            events.publishEvent(new InfusionCorrected(
                    infusionId,
                    patientId,
                    corrected.productId(),
                    corrected.administeredAt(),
                    corrected.batchNumber(),
                    iu ? corrected.dose() : null,
                    iu ? null : corrected.dose()));
            return queries.infusion(infusionId).orElseThrow();
        });
    }

    private static void checkState(DiaryQueries.EntryState state, int version) {
        if (state.voided()) {
            throw new ConflictException("A voided entry cannot be corrected.");
        }
        if (state.version() != version) {
            throw new StaleVersionException();
        }
    }

    /**
     * The prophylaxis dose to log with one tap today (the patient's own date, in their time zone): from the active treatment plan and the batch last
     * delivered (issue 6). Empty when the patient has no active prophylaxis plan.
     */
    public Optional<ScheduledDose> scheduledDose(Actor actor, UUID patientId) {
        requireAccess(actor, patientId, "ScheduledDose", AuditAction.READ);
        auditLog.patientAccess(AuditAction.READ, patientId, "ScheduledDose", null, AuditOutcome.SUCCESS);
        return doseOf(patientId);
    }

    private Optional<ScheduledDose> doseOf(UUID patientId) {
        java.time.ZoneId zone = patients.zoneOf(patientId).orElseThrow(() -> new NotFoundException("patient"));
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(zone));
        Instant from = today.atStartOfDay(zone).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(zone).toInstant();
        return scheduledDoses
                .doseToLog(patientId, today)
                .map(dose -> dose.withLoggedToday(queries.prophylaxisLoggedBetween(patientId, from, to)));
    }

    /** Adds a clinician's note to a bleed or infusion. Staff of the patient's centres only; patients get 403. */
    public Annotation annotate(
            Actor actor, UUID patientId, Annotation.EntryType type, UUID entryId, AnnotationRequest request) {
        String resource = type == Annotation.EntryType.BLEED ? "Bleed" : "Infusion";
        requireAccess(actor, patientId, resource, AuditAction.CREATE);
        if (actor.hasRole("PATIENT")) {
            throw new AccessDeniedException("annotations are written by the care team");
        }
        String text = DiaryEntryRules.text(request.text(), 2000, "text");
        if (text == null) {
            throw new InvalidInputException("text", "Write the note.");
        }
        boolean exists = type == Annotation.EntryType.BLEED
                ? queries.bleed(entryId)
                        .filter(b -> b.patientId().equals(patientId))
                        .isPresent()
                : queries.infusion(entryId)
                        .filter(i -> i.patientId().equals(patientId))
                        .isPresent();
        if (!exists) {
            throw new NotFoundException(resource.toLowerCase(java.util.Locale.ROOT));
        }
        String name =
                accounts.displayNames(List.of(actor.accountId())).getOrDefault(actor.accountId(), actor.username());
        Annotation annotation = new Annotation(
                UUID.randomUUID(), patientId, type, entryId, text, actor.username(), name, clock.instant());
        return inTransaction(() -> {
            queries.insertAnnotation(annotation, actor.role());
            auditLog.patientAccess(
                    AuditAction.CREATE, patientId, "Annotation", annotation.id().toString(), AuditOutcome.SUCCESS);
            return annotation;
        });
    }

    /**
     * Attaches a photo (JPEG or PNG by its first bytes, at most 5 MB) to a bleed; a later photo supersedes it. What
     * the photo says about where, when and with what it was taken (EXIF with GPS, XMP, IPTC, comments, PNG text) is
     * removed before it is stored, without re-encoding ({@code PhotoMetadata}); a file that cannot be read is refused
     * (400 {@code photo}) before anything is written, so the photo stored before stays the current one.
     */
    public BleedPhoto attachPhoto(Actor actor, UUID patientId, UUID bleedId, byte[] original) {
        requireAccess(actor, patientId, "BleedPhoto", AuditAction.CREATE);
        String contentType = BleedPhoto.contentTypeOf(original, "photo");
        byte[] bytes = org.hemonet.shared.PhotoMetadata.strip(original, "photo");
        if (queries.bleed(bleedId).filter(b -> b.patientId().equals(patientId)).isEmpty()) {
            throw new NotFoundException("bleed");
        }
        BleedPhoto photo =
                new BleedPhoto(UUID.randomUUID(), bleedId, contentType, bytes, clock.instant(), actor.username());
        return inTransaction(() -> {
            queries.insertPhoto(
                    photo.id(), bleedId, patientId, contentType, bytes, photo.uploadedAt(), actor.username());
            auditLog.patientAccess(
                    AuditAction.CREATE, patientId, "BleedPhoto", photo.id().toString(), AuditOutcome.SUCCESS);
            return photo;
        });
    }

    /** The latest photo of a bleed, for someone who may see the patient; audited. */
    public BleedPhoto photo(Actor actor, UUID patientId, UUID bleedId) {
        requireAccess(actor, patientId, "BleedPhoto", AuditAction.READ);
        BleedPhoto photo = queries.latestPhoto(bleedId, patientId).orElseThrow(() -> new NotFoundException("photo"));
        auditLog.patientAccess(
                AuditAction.READ, patientId, "BleedPhoto", photo.id().toString(), AuditOutcome.SUCCESS);
        return withoutMetadata(photo);
    }

    /** Photos stored before metadata was stripped on upload are served without it too (when they can be read). */
    private static BleedPhoto withoutMetadata(BleedPhoto photo) {
        try {
            byte[] clean = org.hemonet.shared.PhotoMetadata.strip(photo.bytes(), "photo");
            return new BleedPhoto(
                    photo.id(), photo.bleedId(), photo.contentType(), clean, photo.uploadedAt(), photo.uploadedBy());
        } catch (org.hemonet.shared.InvalidInputException unreadable) {
            return photo; // an old file the walk cannot read is served as it was stored
        }
    }

    /**
     * Stores a sync batch all or nothing (security.md §17). Entries are checked first; any fault rejects the whole
     * batch with one error per faulty entry (refused patients are audited as denied, committed, and reported like
     * unknown ones). Otherwise every entry is stored in one transaction, in which {@code alsoInTransaction} runs with
     * the result (the idempotency store completes its key there). The infusions are stored as a set (issue 14): the
     * catalogue asked once per distinct product and batch, one insert, their audit events in one statement, the recall
     * warning once per distinct batch, home stock and recall alerts counted by supply from one
     * {@link InfusionsRecorded}; the answer and what is stored are those of storing them one by one in order.
     */
    public SyncResult sync(Actor actor, List<SyncEntry> entries, Consumer<SyncResult> alsoInTransaction) {
        refuseAggregateRoles(actor);
        if (entries.size() > MAX_SYNC_ENTRIES) {
            throw new InvalidInputException("entries", "A batch holds at most " + MAX_SYNC_ENTRIES + " entries.");
        }
        List<SyncResult.EntryError> errors = new ArrayList<>();
        List<Object> checked = new ArrayList<>();
        Map<UUID, Boolean> mayWrite = new HashMap<>();
        Set<UUID> ids = new HashSet<>();
        Map<UUID, UUID> batchBleeds = new HashMap<>();
        ProductCheck catalogue = rules.remembering();
        for (int i = 0; i < entries.size(); i++) {
            SyncEntry entry = entries.get(i);
            String path = "entries[" + i + "]";
            try {
                checked.add(checkEntry(actor, entry, path, ids, mayWrite, batchBleeds, catalogue));
            } catch (InvalidInputException e) {
                errors.add(
                        new SyncResult.EntryError(i, entry.id(), e.field() == null ? path : e.field(), e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            return new SyncResult(List.of(), errors);
        }
        return inTransaction(() -> {
            // bleeds first, one by one (an infusion of the batch may name one); then the infusions as a set (issue 14)
            Map<UUID, Boolean> bleedsCreated = new HashMap<>();
            List<Infusion> infusions = new ArrayList<>();
            for (Object entry : checked) {
                if (entry instanceof Bleed b) {
                    bleedsCreated.put(b.id(), storeBleed(b));
                } else if (entry instanceof Infusion inf) {
                    infusions.add(inf);
                }
            }
            List<Infusion> created = storeInfusions(actor, infusions);
            // offline entries reach the server only now: the warnings an online entry gets at once (and the patient's
            // flag for aPCC beside emicizumab) come with the sync's answer
            Map<UUID, List<String>> warnings = warningsForStored(actor, created);
            List<SyncResult.Entry> stored = new ArrayList<>();
            for (Object entry : checked) {
                if (entry instanceof Bleed b) {
                    stored.add(new SyncResult.Entry(b.id(), bleedsCreated.get(b.id()) ? "CREATED" : "ALREADY_STORED"));
                } else if (entry instanceof Infusion inf) {
                    List<String> its = warnings.get(inf.id());
                    stored.add(
                            its == null
                                    ? new SyncResult.Entry(inf.id(), "ALREADY_STORED", List.of())
                                    : new SyncResult.Entry(inf.id(), "CREATED", its));
                }
            }
            SyncResult result = new SyncResult(stored, List.of());
            alsoInTransaction.accept(result);
            return result;
        });
    }

    /**
     * Stores a sync's infusions as a set, with what storing each one entails as before, entry by entry: one insert for
     * all of them, the owner of every id stored already checked in one query, one {@code CREATE} audit event per new
     * infusion written in one statement (security.md §13 asks one event per create), its {@link InfusionRecorded}, and
     * one {@link InfusionsRecorded} for them all, from which supply counts home stock and raises recall alerts as a set.
     * Returns the infusions stored now, in the batch's order.
     */
    private List<Infusion> storeInfusions(Actor actor, List<Infusion> infusions) {
        if (infusions.isEmpty()) {
            return List.of();
        }
        Set<UUID> inserted = queries.insertInfusionsReturningCreated(infusions);
        List<Infusion> created = new ArrayList<>();
        List<Infusion> before = new ArrayList<>();
        for (Infusion i : infusions) {
            (inserted.contains(i.id()) ? created : before).add(i);
        }
        if (!before.isEmpty()) {
            Map<UUID, UUID> owners =
                    queries.infusionOwners(before.stream().map(Infusion::id).toList());
            for (Infusion i : before) {
                sameOwner(Optional.ofNullable(owners.get(i.id())), i.patientId());
            }
        }
        auditLog.recordAll(created.stream()
                .map(i -> org.hemonet.audit.AuditEvent.by(
                        actor, AuditAction.CREATE, i.patientId(), "Infusion", i.id().toString(), AuditOutcome.SUCCESS))
                .toList());
        List<InfusionRecorded> recorded =
                created.stream().map(BleedDiary::recorded).toList();
        recorded.forEach(events::publishEvent);
        if (!recorded.isEmpty()) {
            events.publishEvent(new InfusionsRecorded(recorded));
        }
        return created;
    }

    /**
     * {@link #warningsFor} of each infusion just stored by a sync, by id: the recall look-up once per distinct product
     * and batch, the clinical warnings asked for the set ({@link InfusionWarnings#warningsForStored}).
     */
    private Map<UUID, List<String>> warningsForStored(Actor actor, List<Infusion> created) {
        Map<List<Object>, Optional<String>> recalls = new HashMap<>();
        List<List<String>> all = new ArrayList<>();
        for (Infusion i : created) {
            List<String> its = new ArrayList<>();
            recalls.computeIfAbsent(
                            java.util.Arrays.asList(i.productId(), i.batchNumber()),
                            k -> recallCheck.recallWarning(i.productId(), i.batchNumber()))
                    .ifPresent(its::add);
            all.add(its);
        }
        infusionWarnings.orderedStream().forEach(w -> {
            List<List<String>> clinical = w.warningsForStored(actor, created);
            for (int k = 0; k < created.size(); k++) {
                all.get(k).addAll(clinical.get(k));
            }
        });
        Map<UUID, List<String>> byId = new HashMap<>();
        for (int k = 0; k < created.size(); k++) {
            byId.put(created.get(k).id(), List.copyOf(all.get(k)));
        }
        return byId;
    }

    private static InfusionRecorded recorded(Infusion infusion) {
        boolean iu = infusion.unit() == DoseUnit.IU;
        return new InfusionRecorded(
                infusion.id(),
                infusion.patientId(),
                infusion.productId(),
                infusion.administeredAt(),
                infusion.batchNumber(),
                iu ? infusion.dose() : null,
                iu ? null : infusion.dose());
    }

    /** Which of these infusion ids are stored already: how an import tells new rows from ones it brought before. */
    public Set<UUID> storedInfusionIds(java.util.Collection<UUID> ids) {
        return queries.storedInfusionIds(ids);
    }

    /**
     * Stores a history of entries written elsewhere — a paper diary transcribed, an earlier system's export, the demo
     * network's generated history — in one transaction with JDBC batches, all or nothing: thousands of entries a
     * second. Each entry keeps its own ids, times, {@code recordedAt} and {@code recordedBy}; an id that exists already
     * is left as it is. The actor must be allowed to write every patient's diary (the policy is asked once per patient)
     * and one audit event per patient records the import.
     *
     * <p>Unlike {@link #sync}, no {@link InfusionRecorded} event is published: an imported infusion happened before the
     * system knew of it, so it counts no vials out of today's home stock and raises no recall alert. Voided entries are
     * not imported. Checks: no time in the future, a bleed-treating infusion's {@code bleedId} names a bleed of the same
     * patient in the import or already stored, doses within the diary's limits.
     *
     * @return how many bleeds and infusions were given (not counting ids stored already)
     */
    public int importHistory(Actor actor, List<Bleed> bleeds, List<Infusion> infusions) {
        refuseAggregateRoles(actor);
        Set<UUID> patientIds = new java.util.TreeSet<>();
        bleeds.forEach(b -> patientIds.add(b.patientId()));
        infusions.forEach(i -> patientIds.add(i.patientId()));
        for (UUID patientId : patientIds) {
            boolean allowed = patients.scopeOf(patientId)
                    .filter(scope -> accessPolicy.mayWrite(actor, scope))
                    .isPresent();
            if (!allowed) {
                // the importer may run outside any request (start-up), so the actor is named, not looked up
                auditLog.record(org.hemonet.audit.AuditEvent.by(
                        actor, AuditAction.CREATE, patientId, "DiaryImport", null, AuditOutcome.DENIED));
                throw new NotFoundException("patient");
            }
        }
        Instant latest = clock.instant().plus(DiaryEntryRules.CLOCK_SKEW);
        Map<UUID, UUID> bleedOwners = new HashMap<>();
        for (Bleed b : bleeds) {
            if (b.isVoided() || b.startedAt().isAfter(latest) || b.recordedAt().isAfter(latest)) {
                throw new InvalidInputException("bleeds", "An imported bleed is neither voided nor in the future.");
            }
            bleedOwners.put(b.id(), b.patientId());
        }
        for (Infusion i : infusions) {
            if (i.isVoided()
                    || i.administeredAt().isAfter(latest)
                    || i.recordedAt().isAfter(latest)) {
                throw new InvalidInputException(
                        "infusions", "An imported infusion is neither voided nor in the future.");
            }
            BigDecimal max = i.unit() == DoseUnit.MG ? DiaryEntryRules.MAX_DOSE_MG : DiaryEntryRules.MAX_DOSE_IU;
            if (i.dose().signum() <= 0
                    || i.dose().compareTo(max) > 0
                    || i.dose().scale() > 2) {
                throw new InvalidInputException("infusions", "An imported dose is out of range.");
            }
            UUID bleedId = i.bleedId();
            if (bleedId != null) {
                UUID owner = bleedOwners.computeIfAbsent(
                        bleedId, id -> queries.bleed(id).map(Bleed::patientId).orElse(null));
                if (i.reason() != InfusionReason.BLEED || !i.patientId().equals(owner)) {
                    throw new InvalidInputException("infusions", "An imported infusion names a bleed it cannot treat.");
                }
            }
        }
        return inTransaction(() -> {
            queries.insertBleeds(bleeds);
            queries.insertInfusions(infusions);
            for (UUID patientId : patientIds) {
                auditLog.record(org.hemonet.audit.AuditEvent.by(
                        actor, AuditAction.CREATE, patientId, "DiaryImport", null, AuditOutcome.SUCCESS));
            }
            return bleeds.size() + infusions.size();
        });
    }

    private Object checkEntry(
            Actor actor,
            SyncEntry entry,
            String path,
            Set<UUID> ids,
            Map<UUID, Boolean> mayWrite,
            Map<UUID, UUID> batchBleeds,
            ProductCheck catalogue) {
        UUID id = DiaryEntryRules.require(entry.id(), path + ".id");
        if (!ids.add(id)) {
            throw new InvalidInputException(path + ".id", "The id occurs twice in the batch.");
        }
        UUID patientId = DiaryEntryRules.require(entry.patientId(), path + ".patientId");
        SyncEntryType type = DiaryEntryRules.require(entry.type(), path + ".type");
        boolean allowed = mayWrite.computeIfAbsent(patientId, p -> {
            boolean ok = patients.scopeOf(p)
                    .filter(scope -> accessPolicy.mayWrite(actor, scope))
                    .isPresent();
            if (!ok) {
                auditLog.patientAccess(AuditAction.CREATE, p, "DiaryEntry", null, AuditOutcome.DENIED);
            }
            return ok;
        });
        if (!allowed) {
            throw new InvalidInputException(path + ".patientId", "No patient with this id.");
        }
        if (type == SyncEntryType.BLEED) {
            Bleed bleed = rules.bleedOf(
                    actor, patientId, id, DiaryEntryRules.require(entry.bleed(), path + ".bleed"), path + ".bleed.");
            batchBleeds.put(id, patientId);
            return bleed;
        }
        Set<UUID> sameBatch = new HashSet<>();
        batchBleeds.forEach((bleedId, p) -> {
            if (p.equals(patientId)) {
                sameBatch.add(bleedId);
            }
        });
        return rules.infusionOf(
                actor,
                patientId,
                id,
                DiaryEntryRules.require(entry.infusion(), path + ".infusion"),
                path + ".infusion.",
                sameBatch,
                true,
                catalogue);
    }

    private boolean storeBleed(Bleed bleed) {
        boolean inserted = queries.insertBleed(bleed);
        if (!inserted) {
            sameOwner(queries.bleed(bleed.id()).map(Bleed::patientId), bleed.patientId());
            return false;
        }
        auditLog.patientAccess(
                AuditAction.CREATE, bleed.patientId(), "Bleed", bleed.id().toString(), AuditOutcome.SUCCESS);
        events.publishEvent(new BleedRecorded(bleed.id(), bleed.patientId(), bleed.startedAt(), bleed.site()));
        return true;
    }

    private boolean storeInfusion(Infusion infusion) {
        boolean inserted = queries.insertInfusion(infusion);
        if (!inserted) {
            sameOwner(queries.infusion(infusion.id()).map(Infusion::patientId), infusion.patientId());
            return false;
        }
        auditLog.patientAccess(
                AuditAction.CREATE,
                infusion.patientId(),
                "Infusion",
                infusion.id().toString(),
                AuditOutcome.SUCCESS);
        InfusionRecorded recorded = recorded(infusion);
        events.publishEvent(recorded);
        events.publishEvent(new InfusionsRecorded(List.of(recorded)));
        return true;
    }

    /** An id retried for the same patient is the same entry; an id of someone else's entry is refused. */
    private static void sameOwner(Optional<UUID> owner, UUID patientId) {
        if (owner.isEmpty() || !owner.get().equals(patientId)) {
            throw new InvalidInputException("id", "This id is already used by another entry.");
        }
    }

    /**
     * Refuses aggregate roles (403) and, with an audited denial committed on its own, patients the actor may not reach
     * (404 as for an unknown id).
     */
    private void requireAccess(Actor actor, UUID patientId, String resourceType, AuditAction action) {
        refuseAggregateRoles(actor);
        Optional<PatientScope> scope = patients.scopeOf(patientId);
        boolean allowed = scope.filter(s ->
                        action == AuditAction.READ ? accessPolicy.mayRead(actor, s) : accessPolicy.mayWrite(actor, s))
                .isPresent();
        if (!allowed) {
            auditLog.patientAccess(action, patientId, resourceType, null, AuditOutcome.DENIED);
            throw new NotFoundException("patient");
        }
    }

    private void refuseAggregateRoles(Actor actor) {
        if (!accessPolicy.usesPatientData(actor)) {
            throw new AccessDeniedException("patient-level data");
        }
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        T result = tx.execute(status -> work.get());
        if (result == null) {
            throw new IllegalStateException("transaction returned nothing");
        }
        return result;
    }

    private static <T> List<T> newestFirst(List<T> oldestFirst) {
        List<T> copy = new ArrayList<>(oldestFirst);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
