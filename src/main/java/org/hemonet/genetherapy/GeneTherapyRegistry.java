package org.hemonet.genetherapy;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.lab.Analyte;
import org.hemonet.lab.LabResult;
import org.hemonet.lab.LabResults;
import org.hemonet.patient.ConsentKind;
import org.hemonet.patient.PatientRecord;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.safety.AdverseEvent;
import org.hemonet.safety.AdverseEvents;
import org.hemonet.shared.Actor;
import org.hemonet.supply.Regimen;
import org.hemonet.supply.TreatmentPlan;
import org.hemonet.supply.TreatmentPlans;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The long-term gene therapy registry export (issue 21; the WFH Gene Therapy Registry core dataset): for the actor's
 * centres' patients after gene therapy who gave data-sharing consent ({@link ConsentKind#DATA_SHARING}, given and not
 * withdrawn), one CSV in long format, one row per fact. Columns (docs/gene-therapy.md): {@value #HEADER}. The subject
 * is the gene therapy record's random id, never a name, date of birth or national id; free text (narratives, notes) is
 * left out. Every exported patient is audited as an export.
 */
@Service
@Transactional
public class GeneTherapyRegistry {

    static final String HEADER = "subject,record_type,date,week,item,value,unit,method,detail";

    private final GeneTherapies therapies;
    private final GeneTherapyOutcomes outcomes;
    private final GeneTherapyAccess access;
    private final PatientRegistry patients;
    private final ProductCatalogue catalogue;
    private final LabResults lab;
    private final AdverseEvents adverseEvents;
    private final TreatmentPlans plans;
    private final AuditLog auditLog;

    GeneTherapyRegistry(
            GeneTherapies therapies,
            GeneTherapyOutcomes outcomes,
            GeneTherapyAccess access,
            PatientRegistry patients,
            ProductCatalogue catalogue,
            LabResults lab,
            AdverseEvents adverseEvents,
            TreatmentPlans plans,
            AuditLog auditLog) {
        this.therapies = therapies;
        this.outcomes = outcomes;
        this.access = access;
        this.patients = patients;
        this.catalogue = catalogue;
        this.lab = lab;
        this.adverseEvents = adverseEvents;
        this.plans = plans;
        this.auditLog = auditLog;
    }

    /** The CSV of the consenting patients of the actor's centres (centre staff). */
    public String export(Actor actor) {
        access.requireCentreStaff(actor);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setHeader(HEADER.split(",")).get())) {
            for (PatientSummary summary : patients.search(actor, null, null)) {
                Optional<GeneTherapy> found = therapies.activeOf(summary.id());
                if (found.isEmpty()) {
                    continue;
                }
                PatientRecord record = patients.read(actor, summary.id());
                if (!consented(record)) {
                    continue;
                }
                write(csv, actor, record, found.get());
                auditLog.record(AuditEvent.by(
                        actor,
                        AuditAction.EXPORT,
                        summary.id(),
                        "GeneTherapyRegistry",
                        found.get().id().toString(),
                        AuditOutcome.SUCCESS));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    static boolean consented(PatientRecord record) {
        return record.consents().stream()
                .filter(c -> c.kind() == ConsentKind.DATA_SHARING)
                .max(Comparator.comparing(PatientRecord.Consent::recordedOn))
                .map(c -> c.given() && c.withdrawnOn() == null)
                .orElse(false);
    }

    private void write(CSVPrinter csv, Actor actor, PatientRecord p, GeneTherapy t) throws IOException {
        String s = t.id().toString();
        LocalDate infused = t.infusedOn();
        Product product = catalogue.find(t.productId()).orElseThrow();
        row(csv, s, "BASELINE", null, null, "birth_year", p.dateOfBirth().getYear(), null, null, null);
        row(csv, s, "BASELINE", null, null, "sex", p.sex(), null, null, null);
        row(csv, s, "BASELINE", null, null, "diagnosis", p.diagnosis().type(), null, null, null);
        row(csv, s, "BASELINE", null, null, "severity", p.severity(), null, null, null);
        p.factorLevels().stream()
                .min(Comparator.comparing(PatientRecord.FactorLevel::levelIuPerDl))
                .ifPresent(f -> rowUnchecked(
                        csv,
                        s,
                        "BASELINE",
                        f.measuredOn(),
                        null,
                        "baseline_factor_level",
                        f.levelIuPerDl(),
                        "IU/dL",
                        null,
                        f.factor()));
        row(csv, s, "BASELINE", null, null, "inhibitor_history", t.inhibitorHistory(), null, null, null);
        row(csv, s, "BASELINE", null, null, "aav_antibodies", t.aavAntibodies(), null, null, t.aavTitre());
        row(csv, s, "BASELINE", null, null, "liver_health", t.liverHealth(), null, null, null);
        row(csv, s, "BASELINE", null, null, "baseline_alt", t.baselineAlt(), "U/L", null, null);
        row(csv, s, "BASELINE", null, null, "weight", t.weightKg(), "kg", null, null);
        row(csv, s, "INFUSION", infused, 0L, "product", product.genericName(), null, null, product.productClass());
        row(csv, s, "INFUSION", infused, 0L, "batch", t.batchNumber(), null, null, null);
        row(csv, s, "INFUSION", infused, 0L, "dose", t.doseVgPerKg().toPlainString(), "vg/kg", null, null);
        Analyte expressed = Analyte.activityOf(product.productClass().expressedFactor());
        for (Analyte analyte : List.of(expressed, Analyte.ALT, Analyte.AST)) {
            for (LabResult r : lab.resultsOf(p.id(), analyte)) {
                if (!r.sampledOn().isBefore(infused)) {
                    row(
                            csv,
                            s,
                            "LAB",
                            r.sampledOn(),
                            weeks(infused, r.sampledOn()),
                            analyte.name(),
                            r.canonicalValue().toPlainString(),
                            r.canonicalUnit(),
                            r.method() == null ? null : r.method().name(),
                            r.flag());
                }
            }
        }
        GeneTherapyView view = therapies.get(actor, p.id(), t.id());
        for (GeneTherapyAlert a : view.alerts()) {
            row(
                    csv,
                    s,
                    "ALERT",
                    a.sampledOn(),
                    weeks(infused, a.sampledOn()),
                    a.type(),
                    a.value().toPlainString(),
                    a.type().equals(GeneTherapyAlert.ALT_RISE) ? "U/L" : "IU/dL",
                    null,
                    a.acknowledged() ? "acknowledged" : "open");
        }
        for (GeneTherapyView.CourseView c : view.steroidCourses()) {
            for (SteroidCourse.Step step : c.steps()) {
                row(
                        csv,
                        s,
                        "STEROID",
                        step.from(),
                        weeks(infused, step.from()),
                        c.drug(),
                        step.doseMgPerDay().toPlainString(),
                        "mg/day",
                        null,
                        null);
            }
        }
        for (AdverseEvent e : adverseEvents.list(actor, p.id(), null, null)) {
            if (e.voidedAt() == null && !e.onsetOn().isBefore(infused)) {
                row(
                        csv,
                        s,
                        "ADVERSE_EVENT",
                        e.onsetOn(),
                        weeks(infused, e.onsetOn()),
                        e.category(),
                        e.serious() ? "serious" : "not serious",
                        null,
                        null,
                        e.outcome());
            }
        }
        GeneTherapyOutcomes.BeforeAfter ba = outcomes.beforeAfter(actor, p.id(), t.id(), 1);
        period(csv, s, "BLEEDS_BEFORE", ba.before());
        period(csv, s, "BLEEDS_AFTER", ba.after());
        plans.plansOf(actor, p.id()).stream()
                .filter(plan -> plan.voidedAt() == null
                        && plan.regimen() == Regimen.PROPHYLAXIS
                        && plan.validFrom().isAfter(infused))
                .min(Comparator.comparing(TreatmentPlan::validFrom))
                .ifPresent(plan -> rowUnchecked(
                        csv,
                        s,
                        "RETURN_TO_PROPHYLAXIS",
                        plan.validFrom(),
                        weeks(infused, plan.validFrom()),
                        "product_class",
                        catalogue
                                .find(plan.productId())
                                .map(x -> x.productClass().name())
                                .orElse(""),
                        null,
                        null,
                        null));
    }

    private static void period(CSVPrinter csv, String s, String type, GeneTherapyOutcomes.Period p) throws IOException {
        row(csv, s, type, p.from(), null, "observation_days", p.observationDays(), "days", null, "to " + p.to());
        row(csv, s, type, p.from(), null, "abr", p.abr(), "per year", null, null);
        row(csv, s, type, p.from(), null, "joint_bleeds", p.jointBleeds(), null, null, null);
        row(csv, s, type, p.from(), null, "factor_use", p.factorUseIuPerKgPerYear(), "IU/kg/year", null, null);
        row(csv, s, type, p.from(), null, "days_free_of_treatment", p.daysFreeOfTreatment(), "days", null, null);
    }

    private static @Nullable Long weeks(LocalDate infused, LocalDate on) {
        return ChronoUnit.WEEKS.between(infused, on);
    }

    private static void rowUnchecked(
            CSVPrinter csv,
            String subject,
            String type,
            @Nullable LocalDate date,
            @Nullable Long week,
            String item,
            @Nullable Object value,
            @Nullable String unit,
            @Nullable String method,
            @Nullable Object detail) {
        try {
            row(csv, subject, type, date, week, item, value, unit, method, detail);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void row(
            CSVPrinter csv,
            String subject,
            String type,
            @Nullable LocalDate date,
            @Nullable Long week,
            Object item,
            @Nullable Object value,
            @Nullable String unit,
            @Nullable String method,
            @Nullable Object detail)
            throws IOException {
        csv.printRecord(
                subject,
                type,
                date == null ? "" : date,
                week == null ? "" : week,
                item,
                value == null ? "" : value,
                unit == null ? "" : unit,
                method == null ? "" : method,
                detail == null ? "" : detail);
    }
}
