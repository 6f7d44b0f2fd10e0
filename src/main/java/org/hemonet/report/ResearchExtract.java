package org.hemonet.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.centre.RegionPopulations;
import org.hemonet.identity.AccountPermissions;
import org.hemonet.identity.Permission;
import org.hemonet.outcome.CohortOutcomes;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.shared.Actor;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The research extract (issue 18): a de-identified, k-anonymous, patient-level CSV of one calendar year, one row per
 * patient: pseudonym, age band, sex, region, diagnosis, severity, inhibitor status, regimen, ABR, AJBR, IU/kg/year and
 * the latest HJHS total of the year.
 *
 * <p><b>Who may download it.</b> Only a {@code NETWORK_ANALYST} holding {@link Permission#RESEARCH_EXTRACT} (the demo
 * {@code analyst} holds it); everyone else — commissioners, analysts without it, centre staff, patients, couriers,
 * administrators — gets 403, and the refusal is audited. Every extract writes exactly one audit event (action
 * {@code EXPORT}, resource {@code ResearchExtract}, its filter as the resource id, e.g. {@code year=2025;k=5}).
 *
 * <p><b>Research consent.</b> The registry records consents ({@code patient.ConsentKind.RESEARCH}), so the extract
 * respects them: a patient is in it only when their latest research consent recorded on or before the day of the
 * extract was given and is not withdrawn on that day. A patient who never consented, refused, or withdrew is left out
 * of every extract made after the withdrawal, including extracts of earlier years. Voided and deceased records are
 * left out ({@link PatientRegistry#allForAggregates()}), and so are patients born after the year.
 *
 * <p><b>What the columns are.</b> Age is whole years on 1 July of the year (mid-year, as population estimates are);
 * region is the region of residence, else that of the centre the patient is registered at, and nations are derived from
 * it ({@link #nationOf}). ABR and AJBR are computed by {@link CohortOutcomes#perPatient} exactly as the cohort and
 * centre comparisons compute them (clinical.md §4), blank with no diary time in the year (not zero bleeds). Regimen and
 * IU/kg/year are those of the value reports ({@link ValueReport#patientValues}): the regimen group of the plan that
 * applied last in the year ({@code NONE} without a plan), and IU delivered in the year ÷ latest weight for patients
 * dosed with factor concentrate, as {@link CentreComparison} computes it. HJHS is the total of the latest current
 * assessment made in the year, blank if none.
 *
 * <p><b>De-identification.</b> The quasi-identifiers (age band, sex, region, severity, inhibitor status) are made
 * k-anonymous by {@link KAnonymity} (generalise, then suppress); the response reports how many rows were generalised
 * and suppressed. The pseudonym is HMAC-SHA256 of the patient id under a 256-bit key drawn at random for each request
 * and then discarded: the same patient has the same pseudonym within one extract and an unlinkable one in the next.
 * No patient id, NHS number, name or date of birth leaves this class; rows are ordered by pseudonym, so their order
 * says nothing about registration. Text cells are neutralised against spreadsheet formulas (security.md §21).
 *
 * <p>Limits: k-anonymity protects each extract on its own; two extracts of overlapping years may still be linked on
 * their clinical values (ABR, HJHS), which are not generalised. An extract is for a research team under a data
 * sharing agreement, not for publication.
 */
@Service
public class ResearchExtract {

    static final String RESOURCE = "ResearchExtract";
    static final int FIRST_YEAR = 1900;
    static final List<String> COLUMNS = List.of(
            "pseudonym",
            "year",
            "age_band",
            "sex",
            "region",
            "diagnosis",
            "severity",
            "inhibitor_status",
            "regimen",
            "abr",
            "ajbr",
            "iu_per_kg_per_year",
            "hjhs_total");

    /** The clinical values of one row (never quasi-identifiers). */
    record Values(
            String diagnosis,
            String regimen,
            @Nullable BigDecimal abr,
            @Nullable BigDecimal ajbr,
            @Nullable BigDecimal iuPerKgPerYear,
            @Nullable Integer hjhsTotal) {}

    /** A row before de-identification: package-private, for tests of who is in the extract. */
    record Subject(UUID patientId, KAnonymity.Quasi quasi, Values values) {}

    /** The extract as sent: the CSV text and the counts of the response headers. */
    public record Extract(int year, int k, String csv, int rows, int generalised, int suppressed) {}

    private final ReportQueries queries;
    private final PatientRegistry patients;
    private final PatientYears patientYears;
    private final ValueReport values;
    private final AccountPermissions permissions;
    private final AuditLog auditLog;
    private final ResearchExtractSettings settings;
    private final SecureRandom random = new SecureRandom();

    private final NetworkTime networkTime;

    ResearchExtract(
            ReportQueries queries,
            PatientRegistry patients,
            PatientYears patientYears,
            ValueReport values,
            AccountPermissions permissions,
            AuditLog auditLog,
            ResearchExtractSettings settings,
            NetworkTime networkTime) {
        this.networkTime = networkTime;
        this.queries = queries;
        this.patients = patients;
        this.patientYears = patientYears;
        this.values = values;
        this.permissions = permissions;
        this.auditLog = auditLog;
        this.settings = settings;
    }

    /** May the actor download research extracts (for the reports page to offer the form)? */
    public boolean mayExtract(Actor actor) {
        return actor.hasRole("NETWORK_ANALYST") && permissions.has(actor, Permission.RESEARCH_EXTRACT);
    }

    /**
     * The extract of a year with k (the setting when null). 403 unless {@link #mayExtract}; 400 naming {@code year}
     * when it is missing, before 1900 or after this year (in the network's time zone), naming {@code k} when it is below 5 or above
     * 1000. The current year is allowed: its rates run to today.
     */
    public Extract extract(Actor actor, @Nullable Integer year, @Nullable Integer k) {
        if (!mayExtract(actor)) {
            auditLog.record(AuditEvent.by(actor, AuditAction.EXPORT, null, RESOURCE, null, AuditOutcome.DENIED));
            throw new AccessDeniedException("research extracts are for network analysts with the research permission");
        }
        int thisYear = networkTime.today().getYear();
        if (year == null) {
            throw new InvalidInputException("year", "The year is required, e.g. " + (thisYear - 1) + ".");
        }
        if (year < FIRST_YEAR || year > thisYear) {
            throw new InvalidInputException(
                    "year", "The year must be a calendar year from " + FIRST_YEAR + " to " + thisYear + ".");
        }
        int kValue = k == null ? settings.k() : k;
        if (kValue < KAnonymity.MINIMUM_K) {
            throw new InvalidInputException(
                    "k", "k must be at least " + KAnonymity.MINIMUM_K + ": every combination shown at least k times.");
        }
        if (kValue > 1000) {
            throw new InvalidInputException("k", "k must be at most 1000.");
        }
        List<Subject> subjects = subjects(year);
        KAnonymity.Result<Subject> result = KAnonymity.anonymise(
                subjects.stream().map(s -> new KAnonymity.Row<>(s.quasi(), s)).toList(), kValue);
        String csv = csv(year, result.rows(), newKey());
        auditLog.record(AuditEvent.by(
                actor, AuditAction.EXPORT, null, RESOURCE, "year=" + year + ";k=" + kValue, AuditOutcome.SUCCESS));
        return new Extract(year, kValue, csv, result.rows().size(), result.generalised(), result.suppressed());
    }

    /** Who is in the extract of a year, with their measured values, before de-identification. */
    List<Subject> subjects(int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        LocalDate midYear = LocalDate.of(year, 7, 1);
        LocalDate today = networkTime.today();
        Map<UUID, @Nullable String> regionOf = new HashMap<>();
        queries.researchSubjects(today).forEach(s -> regionOf.put(s.patientId(), s.regionName()));
        List<PatientSummary> cohort = patients.allForAggregates().stream()
                .filter(p -> regionOf.containsKey(p.id()))
                .filter(p -> !p.dateOfBirth().isAfter(last))
                .toList();
        // each patient's rates of the year as the centres compared count them, from their kept figures (PatientYears)
        Map<UUID, PatientYears.Figures> rates = patientYears.of(year, cohort);
        Map<UUID, ValueReport.PatientValue> value = new HashMap<>();
        values.patientValues(new ValueReport.Period(YearMonth.of(year, 1), YearMonth.of(year, 12)))
                .forEach(v -> value.put(v.patientId(), v));
        Map<UUID, @Nullable Integer> hjhs = new HashMap<>();
        queries.latestHjhs(first, last).forEach(h -> hjhs.put(h.patientId(), h.total()));

        List<Subject> subjects = new ArrayList<>();
        for (PatientSummary p : cohort) {
            String region = regionOf.get(p.id());
            PatientYears.Figures f = rates.get(p.id());
            CohortOutcomes.PatientBleeds r = f == null ? null : f.bleeds();
            ValueReport.PatientValue v = value.get(p.id());
            subjects.add(new Subject(
                    p.id(),
                    new KAnonymity.Quasi(
                            Math.max(0, p.ageOn(midYear)),
                            p.sex().name(),
                            region == null ? "Unknown" : region,
                            nationOf(region),
                            p.severity() == null ? "UNKNOWN" : p.severity().name(),
                            p.inhibitorStatus().name()),
                    new Values(
                            p.diagnosis().name(),
                            v == null ? "NONE" : v.group().name(),
                            r == null ? null : r.abr(),
                            r == null ? null : r.ajbr(),
                            v == null ? null : iuPerKgPerYear(v),
                            hjhs.get(p.id()))));
        }
        return subjects;
    }

    /**
     * IU/kg/year of one calendar year, as {@link CentreComparison} computes it: factor IU delivered ÷ the latest
     * weight, for patients on a factor regimen (prophylaxis or on demand) with a known weight; null otherwise.
     */
    static @Nullable BigDecimal iuPerKgPerYear(ValueReport.PatientValue v) {
        boolean factor = v.group() == ValueReport.RegimenGroup.PROPHYLAXIS_FACTOR
                || v.group() == ValueReport.RegimenGroup.ON_DEMAND;
        if (!factor || v.weightKg() == null || v.weightKg().signum() <= 0) {
            return null;
        }
        return BigDecimal.valueOf(v.factorIu()).divide(v.weightKg(), 0, RoundingMode.HALF_UP);
    }

    /**
     * The UK nation of a region (ONS regions, {@code shared/data/uk-regions-2022.csv}): Wales, Scotland and Northern
     * Ireland are regions and nations at once; every other region is in England. The centre module holds regions by
     * name without a nation, so the nation is derived from the name here.
     */
    static String nationOf(@Nullable String region) {
        if (region == null) {
            return "Unknown";
        }
        return switch (region.trim().toLowerCase(Locale.ROOT)) {
            case "wales" -> "Wales";
            case "scotland" -> "Scotland";
            case "northern ireland" -> "Northern Ireland";
            default -> "England";
        };
    }

    private byte[] newKey() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return key;
    }

    /** HMAC-SHA256 of the patient id under the request's key, as 32 hex digits (128 bits). */
    static String pseudonym(byte[] key, UUID patientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(patientId.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String csv(int year, List<KAnonymity.Anonymised<Subject>> rows, byte[] key) {
        record Line(String pseudonym, KAnonymity.Anonymised<Subject> row) {}
        List<Line> lines = rows.stream()
                .map(r -> new Line(pseudonym(key, r.payload().patientId()), r))
                .sorted(Comparator.comparing(Line::pseudonym))
                .toList();
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(COLUMNS);
            for (Line line : lines) {
                KAnonymity.Published q = line.row().published();
                Values v = line.row().payload().values();
                printer.printRecord(List.of(
                                line.pseudonym(),
                                Integer.toString(year),
                                q.ageBand(),
                                q.sex(),
                                q.area(),
                                v.diagnosis(),
                                q.severity(),
                                q.inhibitorStatus(),
                                v.regimen(),
                                text(v.abr()),
                                text(v.ajbr()),
                                text(v.iuPerKgPerYear()),
                                v.hjhsTotal() == null ? "" : Integer.toString(v.hjhsTotal()))
                        .stream()
                        .map(RegionPopulations::neutralise)
                        .toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String text(@Nullable BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
