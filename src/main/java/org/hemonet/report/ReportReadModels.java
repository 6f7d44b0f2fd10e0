package org.hemonet.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.hemonet.shared.BulkDataLoaded;
import org.hemonet.supply.DeliveredUnits;
import org.hemonet.supply.DeliveryCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The value reports' read models (issue 14). Delivered units, {@code report.delivered_month}: kept current by supply's
 * {@link DeliveryCompleted} in the confirming transaction (a confirmed delivery is in the report as soon as it is
 * committed, never without it), and rebuilt in one transaction from supply's {@link DeliveredUnits} when it was never
 * built or was built in another network time zone (at start) and after rows were loaded in bulk
 * ({@link BulkDataLoaded}: {@code generate}, registry import). Months are the network's ({@link NetworkTime}). Living
 * treatment plans, {@code report.plan_period}: a patient's rows replaced from supply's {@code PlansChanged} in the
 * change's transaction, rebuilt from {@code TreatmentPlans} at first start and after a bulk load.
 */
@Component
class ReportReadModels {

    static final String PLANS = "plan_period";

    static final String NAME = "delivered_month";

    private static final Logger log = LoggerFactory.getLogger(ReportReadModels.class);

    private final ReportQueries queries;
    private final DeliveredUnits delivered;
    private final org.hemonet.supply.TreatmentPlans plans;
    private final NetworkTime networkTime;
    private final TransactionTemplate transaction;

    ReportReadModels(
            ReportQueries queries,
            DeliveredUnits delivered,
            org.hemonet.supply.TreatmentPlans plans,
            NetworkTime networkTime,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.queries = queries;
        this.delivered = delivered;
        this.plans = plans;
        this.networkTime = networkTime;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** In the confirmation's own transaction: the two commit together or not at all. */
    @EventListener
    void on(DeliveryCompleted delivery) {
        YearMonth month = YearMonth.from(delivery.deliveredAt().atZone(networkTime.zone()));
        for (DeliveryCompleted.Line line : delivery.lines()) {
            queries.addDelivered(month, line.productId(), delivery.centreId(), delivery.patientId(), line.units());
        }
    }

    /** In the change's own transaction: the patient's living plans as they are now. */
    @EventListener
    void on(org.hemonet.supply.PlansChanged changed) {
        queries.replacePlansOf(changed.patientId(), plans.livingPlansForExport(changed.patientId()));
    }

    @EventListener
    void on(BulkDataLoaded loaded) {
        rebuild();
        rebuildPlans();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        String zone = networkTime.zone().getId();
        if (!queries.readModelZone(NAME).map(zone::equals).orElse(false)) {
            rebuild();
        }
        if (queries.readModelZone(PLANS).isEmpty()) {
            rebuildPlans();
        }
    }

    /** Replaces the plan read model with every living plan now; returns the plans written. */
    int rebuildPlans() {
        Integer written = transaction.execute(status -> {
            queries.clearPlans();
            List<org.hemonet.supply.TreatmentPlan> batch = new ArrayList<>();
            int[] count = {0};
            plans.forEachLivingPlan(plan -> {
                batch.add(plan);
                if (batch.size() == 10_000) {
                    queries.insertPlans(batch);
                    count[0] += batch.size();
                    batch.clear();
                }
            });
            queries.insertPlans(batch);
            count[0] += batch.size();
            queries.readModelBuilt(PLANS, networkTime.zone().getId());
            return count[0];
        });
        log.info("Rebuilt the report read model {}: {} plans", PLANS, written);
        return written == null ? 0 : written;
    }

    /** Replaces the read model with the sums of every delivery so far; returns the cells written. */
    int rebuild() {
        long t0 = System.nanoTime();
        String zone = networkTime.zone().getId();
        Integer cells = transaction.execute(status -> {
            queries.clearDelivered();
            List<ReportQueries.DeliveredLine> batch = new ArrayList<>();
            int[] written = {0};
            delivered.forEachMonth(networkTime.zone(), m -> {
                batch.add(new ReportQueries.DeliveredLine(
                        m.month(), m.productId(), m.centreId(), m.patientId(), null, m.units()));
                if (batch.size() == 10_000) {
                    queries.insertDelivered(batch);
                    written[0] += batch.size();
                    batch.clear();
                }
            });
            queries.insertDelivered(batch);
            written[0] += batch.size();
            queries.readModelBuilt(NAME, zone);
            return written[0];
        });
        log.info(
                "Rebuilt the report read model {}: {} cells in {} ms",
                NAME,
                cells,
                (System.nanoTime() - t0) / 1_000_000);
        return cells == null ? 0 : cells;
    }
}
