package org.hemonet.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.safety.AdverseEventCategory;
import org.hemonet.safety.AdverseEventOutcome;
import org.hemonet.safety.AdverseEventSource;
import org.hemonet.safety.AdverseEventStatus;
import org.hemonet.safety.AdverseEvents;
import org.hemonet.shared.Actor;
import org.hemonet.supply.HomeStock;
import org.hemonet.supply.TreatmentPlan;
import org.hemonet.supply.TreatmentPlans;
import org.springframework.stereotype.Component;

/**
 * A few adverse events in the demo network (issue 13), so the safety rates, signals, returns and triage pages show
 * real figures: reported events of different categories, one serious with the batch last delivered to the patient (its
 * page offers the batch recall), two in the last complete quarter (the returns page's default), and one draft to
 * triage. No signal: in the demo diaries each product class is used through one product, so no product can stand out
 * from its class (the signal is shown by SafetySurveillanceBrowserTest on data of its own). Deterministic: the patients are the first ones with a plan by id, never the demo logins' own patients, and
 * dates are relative to today. A handful of rows: loading stays fast.
 */
@Component
class DemoSafetyEvents {

    private static final Set<String> LOGIN_PATIENTS = Set.of("Bradley", "Okafor");

    private final AdverseEvents events;
    private final PatientRegistry patients;
    private final TreatmentPlans plans;
    private final HomeStock homeStock;

    DemoSafetyEvents(AdverseEvents events, PatientRegistry patients, TreatmentPlans plans, HomeStock homeStock) {
        this.events = events;
        this.patients = patients;
        this.plans = plans;
        this.homeStock = homeStock;
    }

    private record Planned(PatientSummary patient, TreatmentPlan plan) {}

    /** Files the demo events; returns how many. */
    int load(LocalDate today) {
        List<Planned> candidates = new ArrayList<>();
        List<PatientSummary> all = patients.allForAggregates().stream()
                .filter(p -> !LOGIN_PATIENTS.contains(p.familyName()))
                .sorted(Comparator.comparing(PatientSummary::id))
                .toList();
        for (PatientSummary p : all) {
            plans.activePlan(p.id(), today).ifPresent(plan -> candidates.add(new Planned(p, plan)));
            if (candidates.size() >= 20) {
                break; // enough to choose from; the demo loads fast
            }
        }
        if (candidates.size() < 5) {
            return 0;
        }
        LocalDate quarterStart = today.withDayOfMonth(1).minusMonths((today.getMonthValue() - 1) % 3);
        LocalDate lastQuarter = quarterStart.minusMonths(3);
        int n = 0;
        // the serious reaction names the batch last delivered to its patient: the first patient who has one
        Planned a = candidates.stream()
                .filter(c -> homeStock
                        .lastDeliveredBatch(c.patient().id(), c.plan().productId())
                        .isPresent())
                .findFirst()
                .orElse(candidates.get(0));
        candidates.remove(a);
        candidates.add(0, a);
        String batch = homeStock
                .lastDeliveredBatch(a.patient().id(), a.plan().productId())
                .orElse(null);
        file(
                a,
                AdverseEventCategory.ACUTE_REACTION,
                today.minusDays(6),
                batch,
                true,
                AdverseEventOutcome.RECOVERED,
                "Urticaria and wheeze 15 minutes into the infusion; stopped, antihistamine given, settled within the hour.",
                AdverseEventStatus.REPORTED);
        n++;
        file(
                candidates.get(1),
                AdverseEventCategory.INHIBITOR,
                lastQuarter.plusDays(20),
                null,
                true,
                AdverseEventOutcome.NOT_RECOVERED,
                "New inhibitor, 2.4 BU, confirmed on a second sample a week later; immune tolerance discussed.",
                AdverseEventStatus.REPORTED);
        n++;
        file(
                candidates.get(2),
                AdverseEventCategory.ACUTE_REACTION,
                lastQuarter.plusDays(45),
                null,
                false,
                AdverseEventOutcome.RECOVERED,
                "Flushing and headache after the infusion, resolved the same day.",
                AdverseEventStatus.REPORTED);
        n++;
        file(
                candidates.get(3),
                AdverseEventCategory.OTHER,
                today.minusDays(40),
                null,
                false,
                AdverseEventOutcome.RECOVERED,
                "Injection-site bruising with swelling for three days.",
                AdverseEventStatus.REPORTED);
        n++;
        file(
                candidates.get(4),
                AdverseEventCategory.THROMBOSIS,
                today.minusDays(2),
                null,
                false,
                AdverseEventOutcome.UNKNOWN,
                "Painful swollen calf reported by phone; scan booked.",
                AdverseEventStatus.DRAFT);
        n++;
        return n;
    }

    private void file(
            Planned who,
            AdverseEventCategory category,
            LocalDate onset,
            String batch,
            boolean serious,
            AdverseEventOutcome outcome,
            String narrative,
            AdverseEventStatus status) {
        UUID centre = who.patient().centreId();
        Actor reporter =
                new Actor(DemoPlans.prescriberId(centre), "Demo haematologist", "CLINICIAN", Set.of(centre), Set.of());
        events.imported(
                reporter,
                who.patient().id(),
                category,
                onset,
                who.plan().productId(),
                batch,
                serious,
                outcome,
                narrative,
                status,
                AdverseEventSource.STAFF);
    }
}
