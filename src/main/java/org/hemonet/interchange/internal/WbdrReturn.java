package org.hemonet.interchange.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.centre.Centre;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.centre.NetworkSettings;
import org.hemonet.centre.RegionPopulations;
import org.hemonet.identity.Role;
import org.hemonet.interchange.internal.ReturnFacts.PatientYear;
import org.hemonet.outcome.JointScoreView;
import org.hemonet.outcome.JointScores;
import org.hemonet.outcome.OutcomeReport;
import org.hemonet.patient.ConsentKind;
import org.hemonet.patient.PatientRecord;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.product.DoseUnit;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.shared.Actor;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The patient-level file for the World Bleeding Disorders Registry (issue 15; WFH WBDR-style, docs/returns.md): one row
 * per patient of a centre for a calendar year: {@value #HEADER}.
 *
 * <p><b>Who is in it.</b> Patients registered at the centre (not those in shared care: their own centre returns them),
 * living records born by the end of the year, whose latest data-sharing consent ({@link ConsentKind#DATA_SHARING}) is
 * given and not withdrawn — the data leave the network, as in the gene-therapy registry export.
 *
 * <p><b>De-identification.</b> No name, date of birth, national or hospital number, contact, genotype, infection status
 * or free text: the patient is a keyed-hash pseudonym ({@link ReturnPseudonyms}: stable across years, so the registry
 * can follow them), born in a year. Rows are ordered by pseudonym.
 *
 * <p><b>Who may download it.</b> Centre staff, for their own centres: it is patient-level (security.md §6), so network
 * analysts, commissioners, patients, couriers and administrators get 403, audited as denied; another centre is 404, as
 * an unknown one. Each patient is read through the registry (audited as a read) and, when exported, audited as one
 * {@code EXPORT} of {@value #RESOURCE}; the download itself is one more {@code EXPORT} event without a patient.
 */
@Service
public class WbdrReturn {

    static final String RESOURCE = "WbdrReturn";
    static final String HEADER = "pseudonym,year,centre_code,year_of_birth,sex,diagnosis,diagnosis_subtype,severity,"
            + "baseline_factor_level_iu_dl,inhibitor_status,inhibitor_ever,peak_titre_bu,iti_ever,regimen,"
            + "plan_product_class,product_classes_used,units_iu,units_mg,infusions,observation_days,bleeds,joint_bleeds,"
            + "spontaneous_bleeds,abr,ajbr,target_joints,days_lost_school,days_lost_work,hjhs_total,hjhs_joints_scored,"
            + "annual_review,died";

    private final PatientRegistry patients;
    private final CentreDirectory centres;
    private final ProductCatalogue catalogue;
    private final JointScores jointScores;
    private final ReturnFacts facts;
    private final ReturnPseudonyms pseudonyms;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ZoneId networkZone;

    WbdrReturn(
            PatientRegistry patients,
            CentreDirectory centres,
            ProductCatalogue catalogue,
            JointScores jointScores,
            ReturnFacts facts,
            ReturnPseudonyms pseudonyms,
            AuditLog auditLog,
            Clock clock,
            NetworkSettings network) {
        this.patients = patients;
        this.centres = centres;
        this.catalogue = catalogue;
        this.jointScores = jointScores;
        this.facts = facts;
        this.pseudonyms = pseudonyms;
        this.auditLog = auditLog;
        this.clock = clock;
        this.networkZone = network.timeZone();
    }

    /** The file as sent: the CSV and its number of patients. */
    public record Return(int year, String csv, int patients) {}

    /** May the actor download WBDR files (centre staff)? */
    public static boolean mayReturn(Actor actor) {
        return Role.of(actor.role()).isCentreStaff();
    }

    /** The file of {@code year} for one of the actor's centres, or for all of them ({@code centreId} null). */
    public Return of(Actor actor, @Nullable Integer year, @Nullable UUID centreId) {
        String resourceId = "year=" + year + ";centre=" + (centreId == null ? "all" : centreId);
        if (!mayReturn(actor)) {
            auditLog.record(AuditEvent.by(actor, AuditAction.EXPORT, null, RESOURCE, resourceId, AuditOutcome.DENIED));
            throw new AccessDeniedException("WBDR files are patient-level: for the centre's own staff");
        }
        int y = NationalAnnualReturn.requireYear(year, LocalDate.now(clock.withZone(networkZone)));
        Map<UUID, Centre> own = centres.centres().stream()
                .filter(c -> actor.centreIds().contains(c.id()))
                .collect(Collectors.toMap(Centre::id, Function.identity()));
        if (centreId != null && !own.containsKey(centreId)) {
            auditLog.record(AuditEvent.by(actor, AuditAction.EXPORT, null, RESOURCE, resourceId, AuditOutcome.DENIED));
            throw new NotFoundException("centre");
        }
        Set<UUID> wanted = centreId == null ? own.keySet() : Set.of(centreId);
        LocalDate first = LocalDate.of(y, 1, 1);
        LocalDate last = LocalDate.of(y, 12, 31);
        List<PatientSummary> candidates = patients.allForAggregates().stream()
                .filter(p -> wanted.contains(p.centreId()))
                .filter(p -> !p.dateOfBirth().isAfter(last))
                .toList();
        Map<UUID, Product> products =
                catalogue.products().stream().collect(Collectors.toMap(Product::id, Function.identity()));

        List<PatientYear> consenting = new ArrayList<>();
        Map<UUID, PatientRecord> records = new java.util.HashMap<>();
        for (PatientSummary p : candidates) {
            PatientRecord record = patients.read(actor, p.id());
            if (consented(record)) {
                records.put(p.id(), record);
            }
        }
        List<PatientSummary> included =
                candidates.stream().filter(p -> records.containsKey(p.id())).toList();
        consenting.addAll(facts.of(y, included));

        record Row(String pseudonym, List<String> cells) {}
        List<Row> rows = new ArrayList<>();
        for (PatientYear py : consenting) {
            PatientSummary p = py.patient();
            PatientRecord record = records.get(p.id());
            JointScoreView hjhs = jointScores.history(actor, p.id(), false).stream()
                    .filter(s ->
                            !s.assessedOn().isBefore(first) && !s.assessedOn().isAfter(last))
                    .max(Comparator.comparing(JointScoreView::assessedOn).thenComparing(JointScoreView::recordedAt))
                    .orElse(null);
            String pseudonym = pseudonyms.of(p.id());
            rows.add(new Row(pseudonym, cells(pseudonym, y, own.get(p.centreId()), py, record, hjhs, products)));
            auditLog.record(
                    AuditEvent.by(actor, AuditAction.EXPORT, p.id(), RESOURCE, "year=" + y, AuditOutcome.SUCCESS));
        }
        rows.sort(Comparator.comparing(Row::pseudonym));
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(List.of(HEADER.split(",")));
            for (Row row : rows) {
                printer.printRecord(
                        row.cells().stream().map(RegionPopulations::neutralise).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        auditLog.record(AuditEvent.by(actor, AuditAction.EXPORT, null, RESOURCE, resourceId, AuditOutcome.SUCCESS));
        return new Return(y, out.toString(), rows.size());
    }

    /** The latest data-sharing consent is given and not withdrawn. */
    static boolean consented(PatientRecord record) {
        return record.consents().stream()
                .filter(c -> c.kind() == ConsentKind.DATA_SHARING)
                .max(Comparator.comparing(PatientRecord.Consent::recordedOn))
                .map(c -> c.given() && c.withdrawnOn() == null)
                .orElse(false);
    }

    private List<String> cells(
            String pseudonym,
            int year,
            Centre centre,
            PatientYear py,
            PatientRecord record,
            @Nullable JointScoreView hjhs,
            Map<UUID, Product> products) {
        PatientSummary p = py.patient();
        LocalDate last = LocalDate.of(year, 12, 31);
        PatientRegistry.InhibitorHistory inhibitors = py.inhibitors();
        String ever = inhibitors.tests() == 0 ? "NOT_TESTED" : inhibitors.everPositive() ? "YES" : "NO";
        boolean iti = record.itiEpisodes().stream().anyMatch(e -> !e.startedOn().isAfter(last));
        BigDecimal iu = BigDecimal.ZERO;
        BigDecimal mg = BigDecimal.ZERO;
        java.util.TreeSet<String> classes = new java.util.TreeSet<>();
        for (Map.Entry<UUID, BigDecimal> e : py.unitsByProduct().entrySet()) {
            Product product = products.get(e.getKey());
            if (product == null) {
                continue;
            }
            classes.add(product.productClass().name());
            if (product.unit() == DoseUnit.MG) {
                mg = mg.add(e.getValue());
            } else if (product.unit() == DoseUnit.IU) {
                iu = iu.add(e.getValue());
            }
        }
        Product planProduct = py.plan() == null ? null : products.get(py.plan().productId());
        OutcomeReport o = py.observed() ? py.outcomes() : null;
        return List.of(
                pseudonym,
                Integer.toString(year),
                centre.code(),
                Integer.toString(p.dateOfBirth().getYear()),
                p.sex().name(),
                p.diagnosis().name(),
                text(p.diagnosisSubtype()),
                NationalAnnualReturn.severity(p),
                plain(p.baselineLevelIuPerDl()),
                inhibitors.status().name(),
                ever,
                plain(inhibitors.peakTitreBu()),
                iti ? "YES" : "NO",
                py.plan() == null ? "NONE" : py.plan().regimen().name(),
                planProduct == null ? "" : planProduct.productClass().name(),
                String.join(";", classes),
                plain(iu),
                plain(mg),
                Integer.toString(py.infusions()),
                o == null ? "" : Integer.toString(o.observationDays()),
                o == null ? "" : Integer.toString(py.episodes()),
                o == null ? "" : Integer.toString(py.jointEpisodes()),
                o == null ? "" : count(o.bleedEpisodes().spontaneous()),
                o == null ? "" : number(o.abr()),
                o == null ? "" : number(o.ajbr()),
                o == null ? "" : Integer.toString(py.activeTargetJoints()),
                o == null ? "" : count(o.daysLostSchool()),
                o == null ? "" : count(o.daysLostWork()),
                hjhs == null ? "" : count(hjhs.total()),
                hjhs == null ? "" : Integer.toString(hjhs.jointsScored()),
                py.reviewed() ? "YES" : "NO",
                py.died() ? "YES" : "NO");
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static String number(@Nullable BigDecimal n) {
        return n == null ? "" : n.toPlainString();
    }

    /** A measured amount without trailing zeros (7000, 0.5). */
    static String plain(@Nullable BigDecimal n) {
        return n == null ? "" : n.stripTrailingZeros().toPlainString();
    }

    private static String count(@Nullable Integer n) {
        return n == null ? "" : n.toString();
    }
}
