package org.hemonet.message;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.centre.Centre;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.identity.Account;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.identity.Role;
import org.hemonet.shared.Actor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app messages and the e-mails that announce them.
 *
 * <p>A message to a patient is addressed to their record: the patient, or a parent holding the record, reads and
 * acknowledges it. A message to a centre lands in the team inbox every staff member of that centre reads. Sending
 * stores the message and queues one e-mail per known address in the outbox in the caller's transaction; the
 * {@link OutboxRelay} sends them later, so a request never waits for a mail server. E-mails say only that a message is
 * waiting and where to sign in: no name, product, batch or other clinical detail (security.md §16).
 */
@Service
@Transactional(readOnly = true)
public class Messages {

    static final String RESOURCE = "Message";
    private static final int INBOX_SIZE = 100;
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{2,63}");

    private final MessageQueries queries;
    private final AccountAdministration accounts;
    private final CentreDirectory centres;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String baseUrl;
    private final String fallbackDomain;

    Messages(
            MessageQueries queries,
            AccountAdministration accounts,
            CentreDirectory centres,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${hemonet.mail.base-url:http://localhost:8080}") String baseUrl,
            @Value("${hemonet.mail.fallback-domain:}") String fallbackDomain) {
        this.queries = queries;
        this.accounts = accounts;
        this.centres = centres;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.fallbackDomain = fallbackDomain.strip();
    }

    /**
     * Sends a message once: a second call for the same recipient, kind and reference changes nothing and returns empty
     * (an event delivered twice does not message twice). Queues the announcing e-mails with the message.
     */
    @Transactional
    public Optional<UUID> send(NewMessage message) {
        if (message.reference().isBlank() || message.reference().length() > 200) {
            throw new IllegalArgumentException("a message reference has 1 to 200 characters");
        }
        Instant now = clock.instant();
        Optional<UUID> id = queries.insert(UUID.randomUUID(), message, now);
        id.ifPresent(messageId -> {
            for (String to : addressesOf(message.recipient())) {
                queries.enqueue(messageId, to, mailSubject(message.kind()), mailBody(message), now);
            }
        });
        return id;
    }

    /** The actor's inbox, newest first: their records' messages for patients and parents, the team's for staff. */
    @Transactional
    public List<Message> inbox(Actor actor) {
        List<Message> messages = visible(actor);
        for (UUID patientId : patientsOf(actor)) {
            if (messages.stream().anyMatch(m -> m.recipient().id().equals(patientId))) {
                audit.record(AuditEvent.by(actor, AuditAction.READ, patientId, RESOURCE, null, AuditOutcome.SUCCESS));
            }
        }
        return messages;
    }

    /**
     * Queues the e-mails that tell the other side of a thread a message is waiting (issue 16): the patient's holders
     * read "You have a new message from your centre", the centre team "You have a new message from a patient". Never
     * the subject, text, patient, diagnosis, product or dose (security.md §16).
     */
    void announceThreadPost(UUID postId, ThreadSide from, UUID patientId, UUID centreId) {
        Recipient to = from == ThreadSide.PATIENT ? Recipient.centre(centreId) : Recipient.patient(patientId);
        String what = from == ThreadSide.PATIENT ? "from a patient" : "from your centre";
        String subject = "Hemonet: you have a new message " + what;
        String body = "You have a new message " + what + ".\n\nPlease sign in to read it:\n" + baseUrl + "/messages\n\n"
                + "For your privacy this e-mail does not say what the message is about."
                + " If you cannot sign in, call your care team.\n\nHemonet\n";
        Instant now = clock.instant();
        for (String address : addressesOf(to)) {
            queries.enqueueForThreadPost(postId, address, subject, body, now);
        }
        if (from == ThreadSide.TEAM) {
            events.publishEvent(new ThreadPostForPatient(postId, patientId));
        }
    }

    /**
     * Queues one e-mail to an account's own address (reminders, issue 16), sent by the outbox relay like every other;
     * false when the account has no address. The caller writes the text and keeps every clinical detail out of it
     * (security.md §16).
     */
    @Transactional
    public boolean queueNotice(UUID accountId, String subject, String body) {
        Optional<String> to = queries.mailAddress("ACCOUNT", accountId)
                .or(() -> accounts.find(accountId).flatMap(account -> fallback(account.username())));
        to.ifPresent(address -> queries.enqueueNotice(address, subject, body, clock.instant()));
        return to.isPresent();
    }

    /** How many of the actor's messages are unread (for the navigation). */
    public int unreadCount(Actor actor) {
        Role role = role(actor);
        if (role == Role.PATIENT) {
            return queries.unread(Recipient.Kind.PATIENT, actor.patientIds());
        }
        if (role != null && role.isCentreStaff()) {
            return queries.unread(Recipient.Kind.CENTRE, actor.centreIds());
        }
        return 0;
    }

    /** Opens one message and marks it read; a message the actor may not read is {@link NotFoundException}. */
    @Transactional
    public Message open(Actor actor, UUID messageId) {
        Message message = readable(actor, messageId);
        queries.markRead(messageId, actor.accountId(), clock.instant());
        auditPatient(actor, message, AuditAction.READ);
        return queries.find(messageId).orElseThrow();
    }

    /**
     * The reader confirms a safety message ("I have checked my stock and set these vials aside"). Publishes
     * {@link MessageAcknowledged} the first time; acknowledging again changes nothing.
     */
    @Transactional
    public Message acknowledge(Actor actor, UUID messageId) {
        Message message = readable(actor, messageId);
        if (!message.kind().asksForAcknowledgement()) {
            throw new InvalidInputException("messageId", "This message does not ask to be acknowledged.");
        }
        record(actor, message);
        return queries.find(messageId).orElseThrow();
    }

    /**
     * Acknowledges the message of this recipient, kind and reference on the reader's behalf, when one was sent and is
     * still open (e.g. a centre acknowledging a recall from the recall page). The caller checked the actor may act for
     * the recipient.
     */
    @Transactional
    public void acknowledgeFor(Actor actor, Recipient recipient, MessageKind kind, String reference) {
        queries.find(recipient, kind, reference)
                .filter(Message::awaitsAcknowledgement)
                .ifPresent(message -> record(actor, message));
    }

    /** The message of this recipient, kind and reference, if one was sent (for the sender's own records). */
    public Optional<Message> sent(Recipient recipient, MessageKind kind, String reference) {
        return queries.find(recipient, kind, reference);
    }

    /** The actor's own address for "you have a message" e-mails. */
    public Optional<String> mailAddress(Actor actor) {
        return queries.mailAddress("ACCOUNT", actor.accountId());
    }

    /** Sets the actor's own address for "you have a message" e-mails. */
    @Transactional
    public void setMailAddress(Actor actor, String address) {
        queries.setMailAddress("ACCOUNT", actor.accountId(), validAddress(address), clock.instant());
    }

    /** Sets a centre team's address for "your team inbox has a message" e-mails (administration, demo data). */
    @Transactional
    public void setCentreMailAddress(UUID centreId, String address) {
        queries.setMailAddress("CENTRE", centreId, validAddress(address), clock.instant());
    }

    private void record(Actor actor, Message message) {
        String name =
                accounts.displayNames(List.of(actor.accountId())).getOrDefault(actor.accountId(), actor.username());
        Instant now = clock.instant();
        if (queries.acknowledge(message.id(), actor.accountId(), name, actor.role(), now)) {
            auditPatient(actor, message, AuditAction.UPDATE);
            events.publishEvent(new MessageAcknowledged(
                    message.id(),
                    message.recipient(),
                    message.kind(),
                    message.reference(),
                    actor.accountId(),
                    name,
                    actor.role(),
                    now));
        }
    }

    private List<Message> visible(Actor actor) {
        Role role = role(actor);
        if (role == Role.PATIENT) {
            return queries.inbox(Recipient.Kind.PATIENT, actor.patientIds(), INBOX_SIZE);
        }
        if (role != null && role.isCentreStaff()) {
            return queries.inbox(Recipient.Kind.CENTRE, actor.centreIds(), INBOX_SIZE);
        }
        return List.of();
    }

    private Message readable(Actor actor, UUID messageId) {
        Message message = queries.find(messageId).orElseThrow(() -> new NotFoundException(RESOURCE));
        Role role = role(actor);
        boolean mayRead =
                switch (message.recipient().kind()) {
                    case PATIENT ->
                        role == Role.PATIENT
                                && actor.patientIds()
                                        .contains(message.recipient().id());
                    case CENTRE ->
                        role != null
                                && role.isCentreStaff()
                                && actor.centreIds()
                                        .contains(message.recipient().id());
                };
        if (!mayRead) {
            if (message.recipient().kind() == Recipient.Kind.PATIENT) {
                audit.record(AuditEvent.by(
                        actor,
                        AuditAction.READ,
                        message.recipient().id(),
                        RESOURCE,
                        messageId.toString(),
                        AuditOutcome.DENIED));
            }
            throw new NotFoundException(RESOURCE);
        }
        return message;
    }

    private void auditPatient(Actor actor, Message message, AuditAction action) {
        if (message.recipient().kind() == Recipient.Kind.PATIENT) {
            audit.record(AuditEvent.by(
                    actor,
                    action,
                    message.recipient().id(),
                    RESOURCE,
                    message.id().toString(),
                    AuditOutcome.SUCCESS));
        }
    }

    private List<UUID> patientsOf(Actor actor) {
        return role(actor) == Role.PATIENT ? List.copyOf(actor.patientIds()) : List.of();
    }

    /** Where to announce a message: each holder's own address (or the demo fallback), or the centre team's. */
    private List<String> addressesOf(Recipient recipient) {
        List<String> addresses = new ArrayList<>();
        switch (recipient.kind()) {
            case PATIENT -> {
                for (Account holder : accounts.holdersOf(recipient.id())) {
                    queries.mailAddress("ACCOUNT", holder.id())
                            .or(() -> fallback(holder.username()))
                            .ifPresent(addresses::add);
                }
            }
            case CENTRE ->
                queries.mailAddress("CENTRE", recipient.id())
                        .or(() -> centres.centre(recipient.id())
                                .map(Centre::code)
                                .flatMap(code -> fallback("team-" + code.toLowerCase(java.util.Locale.ROOT))))
                        .ifPresent(addresses::add);
        }
        return addresses.stream().distinct().toList();
    }

    private Optional<String> fallback(String localPart) {
        return fallbackDomain.isEmpty() ? Optional.empty() : Optional.of(localPart + "@" + fallbackDomain);
    }

    private static String mailSubject(MessageKind kind) {
        return kind.asksForAcknowledgement() ? "Hemonet: you have a safety message" : "Hemonet: you have a new message";
    }

    /** The e-mail text: that a message waits and where to read it, nothing about what it says (security.md §16). */
    private String mailBody(NewMessage message) {
        String what = message.kind().asksForAcknowledgement() ? "a safety message" : "a new message";
        String whose = message.recipient().kind() == Recipient.Kind.CENTRE
                ? "Your centre's team inbox in Hemonet has " + what + "."
                : "You have " + what + " in Hemonet.";
        return whose + "\n\nPlease sign in to read it:\n" + baseUrl + "/messages\n\n"
                + "For your privacy this e-mail does not say what the message is about."
                + " If you cannot sign in, call your care team.\n\nHemonet\n";
    }

    private static String validAddress(String address) {
        String a = address == null ? "" : address.strip();
        if (a.length() > 254 || !ADDRESS.matcher(a).matches()) {
            throw new InvalidInputException("address", "Enter an e-mail address such as name@example.org.");
        }
        return a;
    }

    private static @org.jspecify.annotations.Nullable Role role(Actor actor) {
        for (Role role : Role.values()) {
            if (role.name().equals(actor.role())) {
                return role;
            }
        }
        return null;
    }
}
