package org.hemonet.survey;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.identity.PatientScope;
import org.hemonet.identity.Role;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.shared.Actor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.hemonet.shared.StaleVersionException;
import org.hemonet.survey.internal.InstrumentCatalogue;
import org.hemonet.survey.internal.InstrumentDefinitions;
import org.hemonet.survey.internal.SurveyQueries;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Questionnaires (issue 16; docs/surveys.md): the instruments a person may use, a patient's answers (a draft saved and
 * resumed, then submitted and scored on the server), their results, and the licensed instruments a centre loads.
 *
 * <p>Answers are given by the accounts holding the record (the patient, a parent for each child) or by the staff of a
 * centre caring for the patient (from a paper form). Every read or write of a patient's answers is one audit event of
 * resource type {@code SurveyResponse}; a patient the actor may not reach is audited as DENIED and answered 404.
 * Nothing is deleted: a draft becomes the submitted response.
 */
@Service
public class Surveys {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final InstrumentCatalogue catalogue;
    private final SurveyQueries queries;
    private final SurveyAccess access;
    private final PatientRegistry patients;
    private final Clock clock;
    private final TransactionTemplate tx;

    Surveys(
            InstrumentCatalogue catalogue,
            SurveyQueries queries,
            SurveyAccess access,
            PatientRegistry patients,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.catalogue = catalogue;
        this.queries = queries;
        this.access = access;
        this.patients = patients;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    // ---------------------------------------------------------------- instruments

    /**
     * The latest version of every instrument the actor may use: those for the whole network, and the licensed ones of
     * the actor's centres (staff) or of the centres caring for the actor's records (patients, parents); administrators
     * see all.
     */
    public List<Instrument> instruments(Actor actor) {
        boolean all = Role.ADMIN.name().equals(actor.role());
        Set<UUID> centres = new HashSet<>(actor.centreIds());
        for (UUID patientId : actor.patientIds()) {
            patients.scopeOf(patientId).ifPresent(s -> centres.addAll(SurveyAccess.careCentres(s)));
        }
        return latest(catalogue.all().stream()
                .filter(i -> all || i.centreId() == null || centres.contains(i.centreId()))
                .toList());
    }

    /** The latest version of an instrument a patient may answer, or 400 naming {@code instrumentId}. */
    public Instrument instrumentFor(PatientScope scope, @Nullable String instrumentId) {
        if (instrumentId == null || instrumentId.isBlank()) {
            throw new InvalidInputException("instrumentId", "Say which instrument is answered.");
        }
        Set<UUID> centres = SurveyAccess.careCentres(scope);
        return latest(catalogue.all().stream()
                        .filter(i -> i.id().equals(instrumentId.strip()))
                        .filter(i -> i.centreId() == null || centres.contains(i.centreId()))
                        .toList())
                .stream()
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "instrumentId", "No instrument '" + instrumentId + "' for this patient."));
    }

    /** The instrument (any version ever stored) a response was given on. */
    public Instrument instrument(String id, int version) {
        return catalogue.version(id, version).orElseThrow(() -> new NotFoundException("instrument"));
    }

    /**
     * Loads an instrument a centre (or, loaded by an administrator without a centre, the whole network) holds a
     * licence for: a clinician for one of their centres, an administrator for any. The definition is validated like the
     * built-in ones (400 naming the field, {@code definition.…}); a new version of an id is the next number unless
     * given. Ids starting {@code hemonet-} are Hemonet's own.
     */
    public Instrument load(
            Actor actor, @Nullable JsonNode definition, @Nullable String licence, @Nullable UUID centre) {
        boolean admin = Role.ADMIN.name().equals(actor.role());
        if (!admin && !Role.CLINICIAN.name().equals(actor.role())) {
            throw new AccessDeniedException("Clinicians and administrators load instruments");
        }
        UUID centreId = centre;
        if (!admin) {
            if (centreId == null && actor.centreIds().size() == 1) {
                centreId = actor.centreIds().iterator().next();
            }
            if (centreId == null || !actor.centreIds().contains(centreId)) {
                throw new InvalidInputException("centreId", "Name one of your centres: the licence is its own.");
            }
        }
        if (licence == null || licence.isBlank() || licence.strip().length() > 1000) {
            throw new InvalidInputException(
                    "licence",
                    "Say who licenses this instrument to the centre, and on what terms (up to 1000 characters).");
        }
        String id = definition != null && definition.path("id").isString()
                ? definition.path("id").asString().strip()
                : "";
        if (id.startsWith("hemonet-")) {
            throw new InvalidInputException("definition.id", "Ids starting 'hemonet-' are Hemonet's own.");
        }
        UUID owner = centreId;
        return tx.execute(status -> {
            Optional<SurveyQueries.InstrumentRow> first = queries.firstVersion(id);
            if (first.isPresent()
                    && (!"LICENSED".equals(first.get().source())
                            || !java.util.Objects.equals(first.get().centreId(), owner))) {
                throw new InvalidInputException("definition.id", "This id is another instrument's; choose another.");
            }
            int next = queries.latestVersion(id) + 1;
            Instrument instrument = InstrumentDefinitions.parse(definition, "definition", next, "LICENSED", owner);
            if (instrument.version() != next) {
                throw new InvalidInputException(
                        "definition.version", "The next version of this instrument is " + next + ".");
            }
            queries.insertInstrument(
                    instrument.id(),
                    instrument.version(),
                    instrument.title(),
                    InstrumentDefinitions.toJson(instrument),
                    "LICENSED",
                    owner,
                    licence.strip(),
                    actor.accountId(),
                    clock.instant());
            return instrument;
        });
    }

    // ---------------------------------------------------------------- answers

    /**
     * Submits a patient's answers to the latest version of an instrument: checked (400 naming {@code answers.<item>}
     * for a missing required or out-of-range answer, or an item the instrument does not have), scored, stored. A saved
     * draft of the instrument becomes this response.
     */
    public SurveyResponse submit(
            Actor actor, UUID patientId, @Nullable String instrumentId, @Nullable Map<String, ?> answers) {
        PatientScope scope = access.require(actor, patientId, AuditAction.CREATE);
        Instrument instrument = instrumentFor(scope, instrumentId);
        SurveyScoring.Scored scored = SurveyScoring.score(instrument, answers);
        return store(actor, scope, instrument, "SUBMITTED", scored.answers(), scored.scores());
    }

    /** Saves answers given so far (each one checked as on submit; unanswered items allowed), to resume later. */
    public SurveyResponse saveDraft(
            Actor actor, UUID patientId, @Nullable String instrumentId, @Nullable Map<String, ?> answers) {
        PatientScope scope = access.require(actor, patientId, AuditAction.UPDATE);
        Instrument instrument = instrumentFor(scope, instrumentId);
        SurveyScoring.Checked checked = SurveyScoring.check(instrument, answers);
        return store(actor, scope, instrument, "DRAFT", checked.answers(), null);
    }

    /** The saved draft of an instrument, if any. One READ audit event. */
    public Optional<SurveyResponse> draft(Actor actor, UUID patientId, String instrumentId) {
        access.require(actor, patientId, AuditAction.READ);
        Optional<SurveyResponse> draft = queries.draft(patientId, instrumentId).map(this::view);
        access.success(
                actor,
                AuditAction.READ,
                patientId,
                draft.map(SurveyResponse::id).orElse(null));
        return draft;
    }

    /** The patient's submitted responses, newest first. One READ audit event. */
    public List<SurveyResponse> history(Actor actor, UUID patientId) {
        access.require(actor, patientId, AuditAction.READ);
        List<SurveyResponse> history =
                queries.submitted(patientId, null).stream().map(this::view).toList();
        access.success(actor, AuditAction.READ, patientId, null);
        return history;
    }

    /** One response of the patient (404 for another patient's id). One READ audit event. */
    public SurveyResponse response(Actor actor, UUID patientId, UUID responseId) {
        access.require(actor, patientId, AuditAction.READ);
        SurveyResponse response = queries.response(patientId, responseId)
                .map(this::view)
                .orElseThrow(() -> new NotFoundException("survey response"));
        access.success(actor, AuditAction.READ, patientId, responseId);
        return response;
    }

    /** The submitted response of the same instrument before this one, if any (for "your previous answers"). */
    public Optional<SurveyResponse> previous(Actor actor, UUID patientId, SurveyResponse response) {
        access.require(actor, patientId, AuditAction.READ);
        Instant at = response.submittedAt() == null ? clock.instant() : response.submittedAt();
        return queries.submitted(patientId, response.instrumentId()).stream()
                .filter(r -> !r.id().equals(response.id()))
                .filter(r -> r.submittedAt() != null && !r.submittedAt().isAfter(at))
                .findFirst()
                .map(this::view);
    }

    /**
     * Voids a submitted response that should not count (answered for the wrong child, entered twice): the centre's
     * staff only, with a reason; it stays stored with who, when and why, and leaves the results, the due dates and the
     * reports. 409 if it is not a submitted response any more.
     */
    public SurveyResponse voidResponse(Actor actor, UUID patientId, UUID responseId, @Nullable String reason) {
        access.requireStaff(actor, patientId, AuditAction.VOID);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new InvalidInputException("reason", "Say why the answers should not count (up to 500 characters).");
        }
        return tx.execute(status -> {
            SurveyQueries.ResponseRow row =
                    queries.response(patientId, responseId).orElseThrow(() -> new NotFoundException("survey response"));
            if (!queries.voidResponse(patientId, responseId, actor.accountId(), why, clock.instant())) {
                throw new org.hemonet.shared.ConflictException("Only submitted answers can be voided; these are "
                        + row.status().toLowerCase(java.util.Locale.ROOT) + ".");
            }
            access.success(actor, AuditAction.VOID, patientId, responseId);
            return view(queries.response(patientId, responseId).orElseThrow());
        });
    }

    // ---------------------------------------------------------------- internals

    private SurveyResponse store(
            Actor actor,
            PatientScope scope,
            Instrument instrument,
            String status,
            Map<String, Object> answers,
            @Nullable Map<String, BigDecimal> scores) {
        UUID patientId = scope.patientId();
        String answersJson = JSON.writeValueAsString(answers);
        String scoresJson = scores == null ? null : JSON.writeValueAsString(scores);
        try {
            return storeOnce(actor, scope, instrument, status, answersJson, scoresJson);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // a draft of the same instrument started at the same moment on another device
            throw new org.hemonet.shared.ConflictException("These answers were saved from another device just now.");
        }
    }

    private SurveyResponse storeOnce(
            Actor actor,
            PatientScope scope,
            Instrument instrument,
            String status,
            String answersJson,
            @Nullable String scoresJson) {
        UUID patientId = scope.patientId();
        return tx.execute(status1 -> {
            Instant now = clock.instant();
            Optional<SurveyQueries.ResponseRow> draft = queries.draft(patientId, instrument.id());
            UUID id;
            if (draft.isPresent()) {
                id = draft.get().id();
                if (!queries.updateDraft(
                        id,
                        instrument.version(),
                        status,
                        answersJson,
                        scoresJson,
                        actor.accountId(),
                        actor.role(),
                        now)) {
                    throw new StaleVersionException(); // submitted from another device at the same moment
                }
            } else {
                id = UUID.randomUUID();
                queries.insertResponse(
                        id,
                        patientId,
                        scope.registeredCentreId(),
                        instrument.id(),
                        instrument.version(),
                        status,
                        answersJson,
                        scoresJson,
                        actor.accountId(),
                        actor.role(),
                        now);
            }
            access.success(actor, draft.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE, patientId, id);
            return view(queries.response(patientId, id).orElseThrow());
        });
    }

    SurveyResponse view(SurveyQueries.ResponseRow row) {
        Instrument instrument = instrument(row.instrumentId(), row.instrumentVersion());
        Map<String, Object> answers = new LinkedHashMap<>();
        JsonNode given = JSON.readTree(row.answers());
        for (InstrumentItem item : instrument.items()) {
            JsonNode value = given.get(item.linkId());
            if (value != null && value.isNumber()) {
                answers.put(item.linkId(), value.asInt());
            } else if (value != null && value.isString()) {
                answers.put(item.linkId(), value.asString());
            }
        }
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        List<String> unscored = new ArrayList<>();
        if (row.scores() != null) {
            JsonNode stored = JSON.readTree(row.scores());
            for (Domain domain : instrument.domains()) {
                JsonNode score = stored.get(domain.id());
                if (score != null && score.isNumber()) {
                    scores.put(domain.id(), score.decimalValue().setScale(1, java.math.RoundingMode.HALF_UP));
                } else {
                    unscored.add(domain.id());
                }
            }
        }
        return new SurveyResponse(
                row.id(),
                row.patientId(),
                row.instrumentId(),
                row.instrumentVersion(),
                instrument.title(),
                row.status(),
                answers,
                scores,
                unscored,
                row.answeredByRole(),
                row.startedAt(),
                row.savedAt(),
                row.submittedAt());
    }

    /** The highest version of each id, ordered by title. */
    static List<Instrument> latest(List<Instrument> versions) {
        Map<String, Instrument> latest = new TreeMap<>();
        for (Instrument i : versions) {
            latest.merge(i.id(), i, (a, b) -> a.version() >= b.version() ? a : b);
        }
        return latest.values().stream()
                .sorted(Comparator.comparing(Instrument::title))
                .toList();
    }
}
