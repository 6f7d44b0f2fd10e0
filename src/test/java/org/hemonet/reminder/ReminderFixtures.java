package org.hemonet.reminder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.shared.Actor;
import org.hemonet.supply.Prescription;
import org.hemonet.supply.Regimen;
import org.hemonet.supply.Schedule;
import org.hemonet.supply.TreatmentPlan;
import org.hemonet.supply.TreatmentPlans;
import org.hemonet.support.DemoProducts;
import org.hemonet.support.TestNetwork;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Builds what reminder tests need: a daily prophylaxis plan at a local time, prescribed by a test centre's doctor. */
final class ReminderFixtures {

    private ReminderFixtures() {}

    static Actor actor(TestNetwork.Staff staff) {
        return new Actor(staff.accountId(), staff.username(), staff.role().name(), Set.of(staff.centreId()), Set.of());
    }

    /** A daily prophylaxis dose at {@code at} (the patient's local time) from {@code from}. */
    static TreatmentPlan dailyProphylaxis(
            TreatmentPlans plans,
            JdbcClient jdbc,
            TestNetwork.Staff clinician,
            UUID patientId,
            LocalDate from,
            LocalTime at) {
        if (clinician.role() != Role.CLINICIAN) {
            throw new IllegalArgumentException("a clinician prescribes");
        }
        return plans.prescribe(
                actor(clinician),
                patientId,
                new Prescription(
                        Regimen.PROPHYLAXIS,
                        DemoProducts.factorConcentrate(jdbc).productId(),
                        null,
                        new BigDecimal("2000"),
                        null,
                        new BigDecimal("70"),
                        Schedule.Kind.EVERY_N_DAYS,
                        1,
                        null,
                        at,
                        null,
                        from,
                        null,
                        null));
    }

    static String productNameOf(JdbcClient jdbc, UUID productId) {
        return jdbc.sql("select brand_name from product.product where id = :id")
                .param("id", productId)
                .query(String.class)
                .single();
    }
}
