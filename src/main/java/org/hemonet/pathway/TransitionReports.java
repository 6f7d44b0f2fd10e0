package org.hemonet.pathway;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.pathway.internal.HandoverQueries;
import org.hemonet.patient.PatientRecord;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSearch;
import org.hemonet.patient.PatientSummary;
import org.hemonet.patient.RegistrySettings;
import org.hemonet.patient.TransitionStage;
import org.hemonet.shared.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The centre report of 12–18-year-olds by transition stage with who is overdue (clinical.md §10; issue 17), for centre
 * staff over their own centres. Stages and ages follow {@code hemonet.registry.transition-*}; each patient's record is
 * read (and audited) for the readiness checklist.
 */
@Service
@Transactional
public class TransitionReports {

    static final String TRANSFER_DUE = "TRANSFER_DUE";
    static final String HANDED_OVER = "HANDED_OVER";

    private final PatientRegistry patients;
    private final AccessPolicy accessPolicy;
    private final HandoverQueries handovers;
    private final RegistrySettings settings;
    private final Clock clock;

    private final JointClinics jointClinics;

    TransitionReports(
            PatientRegistry patients,
            AccessPolicy accessPolicy,
            HandoverQueries handovers,
            RegistrySettings settings,
            Clock clock,
            JointClinics jointClinics) {
        this.jointClinics = jointClinics;
        this.patients = patients;
        this.accessPolicy = accessPolicy;
        this.handovers = handovers;
        this.settings = settings;
        this.clock = clock;
    }

    public TransitionReport report(Actor actor, @Nullable UUID centreId) {
        if (!accessPolicy.usesPatientData(actor) || actor.hasRole("PATIENT")) {
            throw new AccessDeniedException("centre staff only");
        }
        List<PatientSummary> all = patients.search(
                        actor, new PatientSearch(null, null, centreId, null, null, 0, Integer.MAX_VALUE))
                .items();
        Map<UUID, UUID> handedOver = new java.util.HashMap<>();
        List<UUID> ids = all.stream().map(PatientSummary::id).toList();
        handovers.latestByPatient(ids).forEach(handedOver::put);
        Map<UUID, LocalDate> jointClinics =
                this.jointClinics.next(ids, LocalDate.now(clock).minusDays(1));
        Map<String, Integer> stages = new LinkedHashMap<>();
        stages.put(TransitionStage.PREPARATION.name(), 0);
        stages.put(TransitionStage.TRANSFER.name(), 0);
        stages.put(TRANSFER_DUE, 0);
        stages.put(HANDED_OVER, 0);
        List<TransitionReport.Line> lines = new ArrayList<>();
        LocalDate asOf = LocalDate.now(clock);
        for (PatientSummary p : all) {
            LocalDate today = LocalDate.now(clock.withZone(p.timeZone()));
            int age = p.ageOn(today);
            if (age < settings.transitionPreparationFromAge() || age > settings.transitionTransferByAge()) {
                continue;
            }
            UUID handover = handedOver.get(p.id());
            String stage;
            int done = 0;
            boolean preparationOverdue = false;
            boolean transferOverdue = false;
            if (handover != null) {
                // handed over to adult care: nothing left to prepare or transfer
                stage = HANDED_OVER;
            } else if (age >= settings.transitionTransferByAge()) {
                // reached the age by which transfer should be done (clinical.md §10)
                stage = TRANSFER_DUE;
                transferOverdue = true;
            } else {
                PatientRecord record = patients.read(actor, p.id());
                PatientRecord.Transition t = record.transition();
                TransitionStage s = t != null ? t.stage() : TransitionStage.at(age, settings);
                if (s == null || s == TransitionStage.NOT_STARTED) {
                    continue;
                }
                stage = s.name();
                done = t == null ? 0 : t.checklistDone();
                // in the transfer stage the readiness checklist should be complete
                preparationOverdue = s == TransitionStage.TRANSFER && done < 4;
            }
            stages.merge(stage, 1, Integer::sum);
            lines.add(new TransitionReport.Line(
                    p.id(),
                    p.fullName(),
                    p.centreId(),
                    age,
                    stage,
                    done,
                    preparationOverdue,
                    transferOverdue,
                    handover,
                    jointClinics.get(p.id())));
        }
        lines.sort(Comparator.comparing((TransitionReport.Line l) -> !(l.transferOverdue() || l.preparationOverdue()))
                .thenComparing(TransitionReport.Line::ageYears, Comparator.reverseOrder())
                .thenComparing(TransitionReport.Line::fullName));
        return new TransitionReport(
                asOf,
                settings.transitionPreparationFromAge(),
                settings.transitionTransferFromAge(),
                settings.transitionTransferByAge(),
                stages,
                (int) lines.stream()
                        .filter(TransitionReport.Line::preparationOverdue)
                        .count(),
                (int) lines.stream()
                        .filter(TransitionReport.Line::transferOverdue)
                        .count(),
                lines);
    }
}
