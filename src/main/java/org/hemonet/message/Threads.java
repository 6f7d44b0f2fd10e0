package org.hemonet.message;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.centre.Centre;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.identity.Account;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.identity.PatientScope;
import org.hemonet.identity.Role;
import org.hemonet.message.internal.ThreadQueries;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.shared.Actor;
import org.hemonet.shared.ContentTooLargeException;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.hemonet.shared.PhotoMetadata;
import org.hemonet.shared.UnsupportedContentException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Secure messaging (issue 16): conversations between a patient's record (the patient, or a parent for each child) and
 * the team of the centre that cares for it.
 *
 * <p>Who sees a thread: the accounts holding its patient's record, and the centre staff of the thread's centre while
 * that centre still cares for the patient. Anyone else gets what an unknown id gets ({@link NotFoundException}, 404)
 * and a DENIED audit event; roles that work with no patient-level data (network analysts, commissioners,
 * administrators, API clients acting for themselves) are refused outright (403). Every read or write of a thread is one
 * audit event of resource type {@value #RESOURCE} about its patient.
 *
 * <p>A message tells the other side only that something is waiting, through the e-mail outbox ({@link Messages}).
 * Attachments are JPEG, PNG or PDF by their first bytes, at most 10 MB; images lose their metadata (EXIF location and
 * the rest, {@link PhotoMetadata}) before they are stored, PDFs are stored as sent. Nothing is ever deleted.
 */
@Service
@Transactional
public class Threads {

    public static final String RESOURCE = "MessageThread";
    public static final int MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
    private static final int LIST_SIZE = 100;
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final ThreadQueries queries;
    private final Messages messages;
    private final PatientRegistry patients;
    private final AccessPolicy accessPolicy;
    private final AccountAdministration accounts;
    private final CentreDirectory centres;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    Threads(
            ThreadQueries queries,
            Messages messages,
            PatientRegistry patients,
            AccessPolicy accessPolicy,
            AccountAdministration accounts,
            CentreDirectory centres,
            AuditLog audit,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.queries = queries;
        this.messages = messages;
        this.patients = patients;
        this.accessPolicy = accessPolicy;
        this.accounts = accounts;
        this.centres = centres;
        this.audit = audit;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Starts a thread about a patient with its first message. The patient's side writes to the centre the patient is
     * registered at; a staff member writes from one of their centres that cares for the patient.
     */
    public MessageThread start(Actor actor, UUID patientId, String subject, String body) {
        ThreadSide side = sideOf(actor, AuditAction.CREATE, patientId);
        PatientScope scope = patients.scopeOf(patientId)
                .filter(s -> accessPolicy.mayWrite(actor, s))
                .orElseThrow(() -> denied(actor, AuditAction.CREATE, patientId, null));
        UUID centreId = side == ThreadSide.PATIENT ? scope.registeredCentreId() : staffCentre(actor, scope);
        String cleanSubject = text("subject", subject, 200);
        String cleanBody = text("body", body, 5000);
        UUID threadId = UUID.randomUUID();
        Instant now = clock.instant();
        queries.insertThread(threadId, patientId, centreId, cleanSubject, actor.accountId(), now);
        post(actor, side, threadId, patientId, centreId, cleanBody, null, now);
        audit.record(AuditEvent.by(
                actor, AuditAction.CREATE, patientId, RESOURCE, threadId.toString(), AuditOutcome.SUCCESS));
        return assemble(queries.find(threadId).orElseThrow());
    }

    /** Adds a text message; a message of the patient's side reopens a thread marked done. */
    public ThreadPost reply(Actor actor, UUID threadId, String body) {
        Visible visible = visible(actor, threadId, AuditAction.UPDATE);
        String cleanBody = text("body", body, 5000);
        UUID postId = post(
                actor,
                visible.side(),
                threadId,
                visible.thread().patientId(),
                visible.thread().centreId(),
                cleanBody,
                null,
                clock.instant());
        auditSuccess(actor, AuditAction.UPDATE, visible.thread());
        return postOf(threadId, postId);
    }

    /**
     * Adds an attachment as a message of its own: JPEG, PNG or PDF judged by its first bytes (never its name), at most
     * {@value #MAX_ATTACHMENT_BYTES} bytes; an image is stored without its metadata.
     *
     * @throws ContentTooLargeException over the limit (413)
     * @throws UnsupportedContentException another kind of file (415)
     * @throws InvalidInputException an empty file, or an image that cannot be read (400)
     */
    public ThreadPost attach(Actor actor, UUID threadId, @Nullable String fileName, byte[] bytes) {
        Visible visible = visible(actor, threadId, AuditAction.UPDATE);
        String contentType = contentTypeOf(bytes);
        byte[] stored = contentType.startsWith("image/") ? PhotoMetadata.strip(bytes, "file") : bytes;
        UUID attachmentId = UUID.randomUUID();
        Instant now = clock.instant();
        queries.insertAttachment(attachmentId, threadId, safeFileName(fileName, contentType), contentType, stored, now);
        UUID postId = post(
                actor,
                visible.side(),
                threadId,
                visible.thread().patientId(),
                visible.thread().centreId(),
                null,
                attachmentId,
                now);
        auditSuccess(actor, AuditAction.UPDATE, visible.thread());
        return postOf(threadId, postId);
    }

    /** The kind of an attachment by its first bytes; see {@link #attach}. */
    public static String contentTypeOf(byte[] bytes) {
        if (bytes.length == 0) {
            throw new InvalidInputException("file", "The file is empty.");
        }
        if (bytes.length > MAX_ATTACHMENT_BYTES) {
            throw new ContentTooLargeException("file", "A file can be at most 10 MB.");
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (startsWith(bytes, PNG)) {
            return "image/png";
        }
        if (startsWith(bytes, PDF)) {
            return "application/pdf";
        }
        throw new UnsupportedContentException("file", "Send a photo (JPEG or PNG) or a PDF document.");
    }

    /** Opens a thread: the other side's messages are marked read (their read receipts). One READ audit event. */
    public MessageThread open(Actor actor, UUID threadId) {
        Visible visible = visible(actor, threadId, AuditAction.READ);
        queries.markRead(threadId, visible.side(), actor.accountId(), clock.instant());
        auditSuccess(actor, AuditAction.READ, visible.thread());
        return assemble(visible.thread());
    }

    /** An attachment's bytes, if it belongs to a thread the actor may read. One READ audit event. */
    public AttachmentFile attachment(Actor actor, UUID threadId, UUID attachmentId) {
        Visible visible = visible(actor, threadId, AuditAction.READ);
        AttachmentFile file =
                queries.attachment(threadId, attachmentId).orElseThrow(() -> new NotFoundException(RESOURCE));
        auditSuccess(actor, AuditAction.READ, visible.thread());
        return file;
    }

    /**
     * The actor's threads, most recent activity first: a patient's or parent's own (every status; the filter is
     * ignored), or the team inbox of a staff member's centres. A patient's side records one READ event per patient
     * listed; staff one SEARCH event (the inbox spans many patients).
     */
    public List<ThreadSummary> list(Actor actor, ThreadFilter filter) {
        ThreadSide side = sideOf(actor, AuditAction.SEARCH, null);
        List<ThreadQueries.ListedThread> listed = side == ThreadSide.PATIENT
                ? queries.ofPatients(actor.patientIds(), LIST_SIZE)
                : queries.ofCentres(actor.centreIds(), filter, actor.accountId(), LIST_SIZE);
        if (side == ThreadSide.TEAM) {
            listed = listed.stream()
                    .filter(t -> stillCaredFor(actor, t.thread()))
                    .toList();
            audit.record(AuditEvent.by(actor, AuditAction.SEARCH, null, RESOURCE, null, AuditOutcome.SUCCESS));
        } else {
            listed.stream()
                    .map(t -> t.thread().patientId())
                    .distinct()
                    .forEach(p -> audit.record(
                            AuditEvent.by(actor, AuditAction.READ, p, RESOURCE, null, AuditOutcome.SUCCESS)));
        }
        Map<UUID, String> names = new HashMap<>();
        Map<UUID, String> staffNames = accounts.displayNames(listed.stream()
                .map(t -> t.thread().assignedTo())
                .filter(java.util.Objects::nonNull)
                .toList());
        List<ThreadSummary> summaries = new ArrayList<>();
        for (ThreadQueries.ListedThread t : listed) {
            ThreadQueries.ThreadRow row = t.thread();
            summaries.add(new ThreadSummary(
                    row.id(),
                    row.patientId(),
                    names.computeIfAbsent(row.patientId(), this::patientName),
                    row.centreId(),
                    row.subject(),
                    row.status(),
                    row.assignedTo(),
                    row.assignedTo() == null ? null : staffNames.get(row.assignedTo()),
                    t.unread(),
                    row.lastMessageAt()));
        }
        return summaries;
    }

    /** Unread messages of the other side over the actor's threads (the navigation's badge); not audited. */
    @Transactional(readOnly = true)
    public int unreadCount(Actor actor) {
        Role role = role(actor);
        if (role == Role.PATIENT) {
            return queries.unreadByPatients(actor.patientIds());
        }
        if (role != null && role.isCentreStaff()) {
            return queries.unreadByCentres(actor.centreIds());
        }
        return 0;
    }

    /** Assigns the thread to a colleague of its centre's team, or to nobody. Staff only. */
    public MessageThread assign(Actor actor, UUID threadId, @Nullable UUID accountId) {
        Visible visible = visibleToStaff(actor, threadId);
        if (accountId != null
                && colleaguesOf(visible.thread().centreId()).stream()
                        .noneMatch(c -> c.accountId().equals(accountId))) {
            throw new InvalidInputException("assignedTo", "Choose a member of the centre's team.");
        }
        queries.assign(threadId, accountId);
        auditSuccess(actor, AuditAction.UPDATE, visible.thread());
        return assemble(queries.find(threadId).orElseThrow());
    }

    /** Marks the thread done; the patient's side writing again reopens it. Staff only. */
    public MessageThread markDone(Actor actor, UUID threadId) {
        Visible visible = visibleToStaff(actor, threadId);
        queries.markDone(threadId, actor.accountId(), clock.instant());
        auditSuccess(actor, AuditAction.UPDATE, visible.thread());
        return assemble(queries.find(threadId).orElseThrow());
    }

    /** The team a thread may be assigned to (its centre's staff), if the actor is staff who may see it; not audited. */
    @Transactional(readOnly = true)
    public List<Colleague> colleagues(Actor actor, MessageThread thread) {
        Role role = role(actor);
        if (role == null || !role.isCentreStaff() || !actor.centreIds().contains(thread.centreId())) {
            return List.of();
        }
        return colleaguesOf(thread.centreId());
    }

    /**
     * The 24-hour lines of the centres caring for the actor's records (patients and parents; empty for others), for
     * the out-of-hours banner beside their messages.
     */
    @Transactional(readOnly = true)
    public List<HelpLine> helpLines(Actor actor) {
        if (role(actor) != Role.PATIENT) {
            return List.of();
        }
        Set<UUID> centreIds = new LinkedHashSet<>();
        actor.patientIds().stream().sorted().forEach(p -> patients.scopeOf(p)
                .ifPresent(s -> centreIds.add(s.registeredCentreId())));
        return centreIds.stream()
                .map(centres::centre)
                .flatMap(Optional::stream)
                .map(c -> new HelpLine(c.name(), c.phone24h()))
                .toList();
    }

    // ---------------------------------------------------------------- internals

    private record Visible(ThreadQueries.ThreadRow thread, ThreadSide side) {}

    private UUID post(
            Actor actor,
            ThreadSide side,
            UUID threadId,
            UUID patientId,
            UUID centreId,
            @Nullable String body,
            @Nullable UUID attachmentId,
            Instant at) {
        UUID postId = UUID.randomUUID();
        queries.insertPost(postId, threadId, side, actor.accountId(), authorName(actor), body, attachmentId, at);
        queries.touch(threadId, side, at);
        // writing answers the other side: what they wrote is read now
        queries.markRead(threadId, side, actor.accountId(), at);
        messages.announceThreadPost(postId, side, patientId, centreId);
        return postId;
    }

    private ThreadPost postOf(UUID threadId, UUID postId) {
        return queries.posts(threadId).stream()
                .filter(p -> p.id().equals(postId))
                .map(Threads::toPost)
                .findFirst()
                .orElseThrow();
    }

    private MessageThread assemble(ThreadQueries.ThreadRow row) {
        String assignedName = row.assignedTo() == null
                ? null
                : accounts.displayNames(List.of(row.assignedTo())).get(row.assignedTo());
        String centreName = centres.centre(row.centreId()).map(Centre::name).orElse("");
        return new MessageThread(
                row.id(),
                row.patientId(),
                patientName(row.patientId()),
                row.centreId(),
                centreName,
                row.subject(),
                row.status(),
                row.assignedTo(),
                assignedName,
                row.createdAt(),
                row.lastMessageAt(),
                row.doneAt(),
                queries.posts(row.id()).stream().map(Threads::toPost).toList());
    }

    private static ThreadPost toPost(ThreadQueries.PostRow p) {
        return new ThreadPost(p.id(), p.side(), p.authorName(), p.body(), p.attachment(), p.createdAt(), p.readAt());
    }

    private String patientName(UUID patientId) {
        return patients.summaryOf(patientId).map(PatientSummary::fullName).orElse("");
    }

    private String authorName(Actor actor) {
        return accounts.displayNames(List.of(actor.accountId())).getOrDefault(actor.accountId(), actor.username());
    }

    private List<Colleague> colleaguesOf(UUID centreId) {
        List<Colleague> team = new ArrayList<>();
        for (Account a : accounts.staffOf(centreId)) {
            team.add(new Colleague(a.id(), a.displayName(), a.role().name()));
        }
        return team;
    }

    /** The thread if the actor may see it, with the side they write from; else 404 (audited) or 403. */
    private Visible visible(Actor actor, UUID threadId, AuditAction action) {
        ThreadSide side = sideOf(actor, action, null);
        ThreadQueries.ThreadRow thread = queries.find(threadId).orElseThrow(() -> new NotFoundException(RESOURCE));
        boolean may = side == ThreadSide.PATIENT
                ? actor.patientIds().contains(thread.patientId())
                : stillCaredFor(actor, thread);
        if (!may) {
            throw denied(actor, action, thread.patientId(), threadId);
        }
        return new Visible(thread, side);
    }

    private Visible visibleToStaff(Actor actor, UUID threadId) {
        Visible visible = visible(actor, threadId, AuditAction.UPDATE);
        if (visible.side() != ThreadSide.TEAM) {
            auditDenied(AuditEvent.by(
                    actor,
                    AuditAction.UPDATE,
                    visible.thread().patientId(),
                    RESOURCE,
                    threadId.toString(),
                    AuditOutcome.DENIED));
            throw new AccessDeniedException("Only the centre's team assigns a thread or marks it done");
        }
        return visible;
    }

    /** Staff of the thread's centre, while that centre still cares for the patient. */
    private boolean stillCaredFor(Actor actor, ThreadQueries.ThreadRow thread) {
        return actor.centreIds().contains(thread.centreId())
                && patients.scopeOf(thread.patientId())
                        .filter(scope -> scope.isCaredForAt(Set.of(thread.centreId())))
                        .isPresent();
    }

    private UUID staffCentre(Actor actor, PatientScope scope) {
        if (actor.centreIds().contains(scope.registeredCentreId())) {
            return scope.registeredCentreId();
        }
        return scope.sharedCareCentreIds().stream()
                .filter(actor.centreIds()::contains)
                .sorted()
                .findFirst()
                .orElseThrow(() -> new NotFoundException(RESOURCE));
    }

    /** The side an actor writes from; roles without patient-level data are refused (403), audited. */
    private ThreadSide sideOf(Actor actor, AuditAction action, @Nullable UUID patientId) {
        Role role = role(actor);
        if (role == Role.PATIENT) {
            return ThreadSide.PATIENT;
        }
        if (role != null && role.isCentreStaff()) {
            return ThreadSide.TEAM;
        }
        auditDenied(AuditEvent.by(actor, action, patientId, RESOURCE, null, AuditOutcome.DENIED));
        throw new AccessDeniedException("Messaging is for patients, parents and centre teams");
    }

    private NotFoundException denied(Actor actor, AuditAction action, UUID patientId, @Nullable UUID threadId) {
        auditDenied(AuditEvent.by(
                actor,
                action,
                patientId,
                RESOURCE,
                threadId == null ? null : threadId.toString(),
                AuditOutcome.DENIED));
        return new NotFoundException(RESOURCE);
    }

    /** A refusal is recorded in a transaction of its own, so that it survives the rollback of the refused request. */
    private void auditDenied(AuditEvent event) {
        ownTransaction.executeWithoutResult(status -> audit.record(event));
    }

    private void auditSuccess(Actor actor, AuditAction action, ThreadQueries.ThreadRow thread) {
        audit.record(AuditEvent.by(
                actor, action, thread.patientId(), RESOURCE, thread.id().toString(), AuditOutcome.SUCCESS));
    }

    private static String text(String field, @Nullable String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new InvalidInputException(field, "Write something here.");
        }
        if (v.length() > max) {
            throw new InvalidInputException(field, "At most " + max + " characters.");
        }
        return v;
    }

    /** The name to show for a file: the sender's, without a path or control characters, with the right extension. */
    private static String safeFileName(@Nullable String fileName, String contentType) {
        String extension =
                switch (contentType) {
                    case "image/jpeg" -> ".jpg";
                    case "image/png" -> ".png";
                    default -> ".pdf";
                };
        String name = fileName == null ? "" : fileName.replaceAll("^.*[/\\\\]", "");
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.length() > 120) {
            name = name.substring(0, 120);
        }
        if (name.isEmpty()) {
            name = "attachment";
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        boolean named = lower.endsWith(extension) || (extension.equals(".jpg") && lower.endsWith(".jpeg"));
        return named ? name : name + extension;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static @Nullable Role role(Actor actor) {
        for (Role role : Role.values()) {
            if (role.name().equals(actor.role())) {
                return role;
            }
        }
        return null;
    }
}
