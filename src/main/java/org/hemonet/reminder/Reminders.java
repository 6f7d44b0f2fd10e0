package org.hemonet.reminder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.identity.Account;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.message.Messages;
import org.hemonet.outcome.OutcomeReport;
import org.hemonet.outcome.PatientOutcomes;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.shared.Actor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders (issue 16): each patient or parent account chooses channels and quiet hours; the reminders of a patient's
 * next days are listed with channel and time; the centre sees diary completeness before and after reminders were
 * switched on. Reading a patient's reminders is audited; a patient the actor may not see is an audited 404 (reads run
 * outside a transaction, so the audit event of a refused read is kept).
 */
@Service
public class Reminders {

    static final String RESOURCE = "Reminder";
    private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final int RECENT_DAYS = 7;

    private final ReminderQueries queries;
    private final ReminderPlanner planner;
    private final PatientRegistry patients;
    private final AccountAdministration accounts;
    private final AccessPolicy accessPolicy;
    private final AuditLog audit;
    private final Messages messages;
    private final PatientOutcomes outcomes;
    private final Clock clock;

    Reminders(
            ReminderQueries queries,
            ReminderPlanner planner,
            PatientRegistry patients,
            AccountAdministration accounts,
            AccessPolicy accessPolicy,
            AuditLog audit,
            Messages messages,
            PatientOutcomes outcomes,
            Clock clock) {
        this.queries = queries;
        this.planner = planner;
        this.patients = patients;
        this.accounts = accounts;
        this.accessPolicy = accessPolicy;
        this.audit = audit;
        this.messages = messages;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** The signed-in patient's or parent's own choice (reminders off until they choose a channel). */
    public NotificationPreferences preferences(Actor actor) {
        requireHolder(actor);
        Optional<ReminderQueries.PreferenceRow> row = queries.preference(actor.accountId());
        return new NotificationPreferences(
                actor.accountId(),
                row.map(ReminderQueries.PreferenceRow::channels).orElse(Set.of()),
                row.map(ReminderQueries.PreferenceRow::quietHours).orElse(null),
                messages.mailAddress(actor).orElse(null),
                queries.subscriptionsOf(actor.accountId()).size(),
                row.map(ReminderQueries.PreferenceRow::updatedAt).orElse(null));
    }

    /**
     * Stores the actor's choice; 400 naming the field for an unknown channel, a time that is not {@code HH:mm}, quiet
     * hours with one end only or of no length, an invalid address, or e-mail chosen with no address to send to. The
     * first choice of a channel switches reminders on for every record the account holds (kept for the before/after
     * comparison; switching off later does not move it).
     */
    @Transactional
    public NotificationPreferences save(Actor actor, NotificationPreferencesRequest request) {
        requireHolder(actor);
        if (request.channels() == null) {
            throw new InvalidInputException("channels", "Choose the channels (an empty list switches reminders off).");
        }
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (String name : request.channels()) {
            try {
                channels.add(Channel.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("channels", "Unknown channel " + name + ": IN_APP, EMAIL or WEB_PUSH.");
            }
        }
        QuietHours quiet = quietHours(request.quietHoursStart(), request.quietHoursEnd());
        String email = request.email() == null ? null : request.email().strip();
        if (email != null && !email.isEmpty()) {
            try {
                messages.setMailAddress(actor, email);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("email", "This is not an e-mail address.");
            }
        }
        if (channels.contains(Channel.EMAIL) && messages.mailAddress(actor).isEmpty()) {
            throw new InvalidInputException("email", "Give the e-mail address reminders should go to.");
        }
        Instant now = clock.instant();
        queries.savePreference(actor.accountId(), channels, quiet, now);
        if (!channels.isEmpty()) {
            for (UUID patientId : actor.patientIds()) {
                queries.switchOn(patientId, actor.accountId(), now);
            }
        }
        return preferences(actor);
    }

    /**
     * The patient's reminders of the next {@code days} days (1–31) with channel and time, and those delivered in the
     * last week. Audited.
     */
    public ReminderOverview upcoming(Actor actor, UUID patientId, int days) {
        if (days < 1 || days > 31) {
            throw new InvalidInputException("days", "Between 1 and 31 days.");
        }
        PatientSummary patient = require(actor, patientId);
        ZoneId zone = patient.timeZone();
        Instant now = clock.instant();
        List<ReminderQueries.PreferenceRow> choices = choicesSeenBy(actor, patientId);
        Set<UUID> seenAccounts = new HashSet<>();
        choices.forEach(c -> seenAccounts.add(c.accountId()));
        List<ReminderQueries.Delivery> stored =
                queries.deliveriesOf(patientId, now.minus(java.time.Duration.ofDays(RECENT_DAYS)), 500).stream()
                        .filter(d -> actor.patientIds().contains(patientId)
                                ? d.accountId().equals(actor.accountId())
                                : true)
                        .toList();
        List<UpcomingReminder> items = new ArrayList<>();
        List<UpcomingReminder> recent = new ArrayList<>();
        Set<String> queued = new HashSet<>();
        for (ReminderQueries.Delivery d : stored) {
            queued.add(key(d.kind(), d.dueAt(), d.channel(), d.accountId()));
            UpcomingReminder shown = new UpcomingReminder(
                    d.kind(),
                    d.dueAt(),
                    d.channel(),
                    d.sentAt() != null ? d.sentAt() : d.deliverAt(),
                    (d.sentAt() != null ? d.sentAt() : d.deliverAt())
                            .atZone(zone)
                            .toLocalDateTime(),
                    d.link(),
                    null,
                    d.status());
            if (d.status().equals("PENDING")) {
                items.add(shown);
            } else {
                recent.add(shown);
            }
        }
        List<DueReminder> due = planner.due(patientId, zone, now, now.plus(java.time.Duration.ofDays(days)));
        for (ReminderPlanner.Planned p : ReminderPlanner.deliveries(due, choices, zone)) {
            if (queued.add(key(p.item().kind(), p.item().dueAt(), p.channel(), p.accountId()))) {
                items.add(new UpcomingReminder(
                        p.item().kind(),
                        p.item().dueAt(),
                        p.channel(),
                        p.deliverAt(),
                        p.deliverAt().atZone(zone).toLocalDateTime(),
                        p.item().link(),
                        p.item().detail(),
                        "PLANNED"));
            }
        }
        items = dedupe(items);
        recent = dedupe(recent);
        audit.patientAccess(AuditAction.READ, patientId, RESOURCE, null, AuditOutcome.SUCCESS);
        return new ReminderOverview(
                patientId,
                zone.getId(),
                choices.stream().anyMatch(c -> !c.channels().isEmpty()),
                queries.switchedOn(patientId).orElse(null),
                days,
                items,
                recent);
    }

    /**
     * Diary completeness in the {@code days} days (7–365) before reminders were switched on for the patient and the
     * {@code days} days from that day, as the outcome module computes prophylaxis adherence (clinical.md §4).
     */
    public Completeness completeness(Actor actor, UUID patientId, int days) {
        if (days < 7 || days > 365) {
            throw new InvalidInputException("days", "Between 7 and 365 days.");
        }
        PatientSummary patient = require(actor, patientId);
        Optional<Instant> switchedOn = queries.switchedOn(patientId);
        if (switchedOn.isEmpty()) {
            audit.patientAccess(AuditAction.READ, patientId, RESOURCE, null, AuditOutcome.SUCCESS);
            return new Completeness(null, days, null, null);
        }
        ZoneId zone = patient.timeZone();
        LocalDate day = switchedOn.get().atZone(zone).toLocalDate();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate beforeFrom = day.minusDays(days);
        LocalDate beforeTo = day.minusDays(1);
        OutcomeReport before = outcomes.outcomes(actor, patientId, beforeFrom, beforeTo);
        LocalDate afterTo = day.plusDays(days - 1L).isAfter(today) ? today : day.plusDays(days - 1L);
        OutcomeReport after = outcomes.outcomes(actor, patientId, day, afterTo);
        return new Completeness(
                switchedOn.get(),
                days,
                new Completeness.Period(beforeFrom, beforeTo, before.prophylaxisAdherencePercent()),
                new Completeness.Period(day, afterTo, after.prophylaxisAdherencePercent()));
    }

    /** The patient if the actor may see them: 403 for roles without patient-level data, an audited 404 otherwise. */
    PatientSummary require(Actor actor, UUID patientId) {
        if (!accessPolicy.usesPatientData(actor)) {
            throw new AccessDeniedException("patient-level data");
        }
        return patients.find(actor, patientId).orElseThrow(() -> {
            audit.patientAccess(AuditAction.READ, patientId, RESOURCE, null, AuditOutcome.DENIED);
            return new NotFoundException("patient");
        });
    }

    /** The records the actor holds (for the page's tabs and default). */
    public List<UUID> heldRecords(Actor actor) {
        return actor.patientIds().stream().sorted().toList();
    }

    private List<ReminderQueries.PreferenceRow> choicesSeenBy(Actor actor, UUID patientId) {
        if (actor.patientIds().contains(patientId)) {
            return queries.preference(actor.accountId()).stream().toList();
        }
        return queries.preferences(
                accounts.holdersOf(patientId).stream().map(Account::id).toList());
    }

    private static List<UpcomingReminder> dedupe(List<UpcomingReminder> items) {
        Set<String> seen = new HashSet<>();
        List<UpcomingReminder> unique = new ArrayList<>();
        for (UpcomingReminder r : items) {
            if (seen.add(r.kind() + r.dueAt() + r.channel() + r.status())) {
                unique.add(r);
            }
        }
        unique.sort(Comparator.comparing(UpcomingReminder::time)
                .thenComparing(UpcomingReminder::kind)
                .thenComparing(UpcomingReminder::channel));
        return unique;
    }

    private static String key(String kind, Instant due, Channel channel, UUID account) {
        return kind + "|" + due + "|" + channel + "|" + account;
    }

    private static @Nullable QuietHours quietHours(@Nullable String start, @Nullable String end) {
        boolean noStart = start == null || start.isBlank();
        boolean noEnd = end == null || end.isBlank();
        if (noStart && noEnd) {
            return null;
        }
        if (noStart) {
            throw new InvalidInputException("quietHoursStart", "Give when the quiet hours start, or neither time.");
        }
        if (noEnd) {
            throw new InvalidInputException("quietHoursEnd", "Give when the quiet hours end, or neither time.");
        }
        LocalTime from = time("quietHoursStart", start);
        LocalTime to = time("quietHoursEnd", end);
        if (from.equals(to)) {
            throw new InvalidInputException("quietHoursEnd", "The quiet hours end at another time than they start.");
        }
        return new QuietHours(from, to);
    }

    private static LocalTime time(String field, String value) {
        if (!HH_MM.matcher(value.strip()).matches()) {
            throw new InvalidInputException(field, "A time of day as HH:mm, e.g. 21:30.");
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "A time of day as HH:mm, e.g. 21:30.");
        }
    }

    private static void requireHolder(Actor actor) {
        if (actor.patientIds().isEmpty()) {
            throw new AccessDeniedException("notification preferences are a patient's or parent's");
        }
    }
}
