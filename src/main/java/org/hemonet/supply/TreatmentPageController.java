package org.hemonet.supply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hemonet.identity.Role;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.product.ProductStatus;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * A patient's treatment page: the plan in force with its next doses and bleed plan, home stock and forecast, and
 * deliveries. Clinicians and nurses of the patient's centre prescribe a new regimen here; patients see their own.
 */
@Controller
class TreatmentPageController {

    private final TreatmentPlans plans;
    private final HomeStock homeStock;
    private final ProductCatalogue catalogue;
    private final PatientRegistry patients;
    private final CurrentActor currentActor;
    private final Clock clock;

    TreatmentPageController(
            TreatmentPlans plans,
            HomeStock homeStock,
            ProductCatalogue catalogue,
            PatientRegistry patients,
            CurrentActor currentActor,
            Clock clock) {
        this.plans = plans;
        this.homeStock = homeStock;
        this.catalogue = catalogue;
        this.patients = patients;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** The prescription form; field names match {@link Prescription}. */
    static final class PlanForm {
        public @Nullable Regimen regimen = Regimen.PROPHYLAXIS;
        public @Nullable UUID productId;
        public @Nullable BigDecimal dosePerKg;
        public @Nullable BigDecimal dose;
        public Schedule.@Nullable Kind schedule = Schedule.Kind.WEEKDAYS;
        public @Nullable Integer scheduleInterval = 2;
        public @Nullable Set<DayOfWeek> weekdays = Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        public @Nullable LocalTime doseTime = LocalTime.of(8, 0);
        public @Nullable LocalDate validFrom;
        public @Nullable String notes;

        public void setRegimen(@Nullable Regimen regimen) {
            this.regimen = regimen;
        }

        public void setProductId(@Nullable UUID productId) {
            this.productId = productId;
        }

        public void setDosePerKg(@Nullable BigDecimal dosePerKg) {
            this.dosePerKg = dosePerKg;
        }

        public void setDose(@Nullable BigDecimal dose) {
            this.dose = dose;
        }

        public void setSchedule(Schedule.@Nullable Kind schedule) {
            this.schedule = schedule;
        }

        public void setScheduleInterval(@Nullable Integer scheduleInterval) {
            this.scheduleInterval = scheduleInterval;
        }

        public void setWeekdays(@Nullable Set<DayOfWeek> weekdays) {
            this.weekdays = weekdays;
        }

        public void setDoseTime(@Nullable LocalTime doseTime) {
            this.doseTime = doseTime;
        }

        public void setValidFrom(@Nullable LocalDate validFrom) {
            this.validFrom = validFrom;
        }

        public void setNotes(@Nullable String notes) {
            this.notes = notes;
        }

        public @Nullable Regimen getRegimen() {
            return regimen;
        }

        public @Nullable UUID getProductId() {
            return productId;
        }

        public @Nullable BigDecimal getDosePerKg() {
            return dosePerKg;
        }

        public @Nullable BigDecimal getDose() {
            return dose;
        }

        public Schedule.@Nullable Kind getSchedule() {
            return schedule;
        }

        public @Nullable Integer getScheduleInterval() {
            return scheduleInterval;
        }

        public @Nullable Set<DayOfWeek> getWeekdays() {
            return weekdays;
        }

        public @Nullable LocalTime getDoseTime() {
            return doseTime;
        }

        public @Nullable LocalDate getValidFrom() {
            return validFrom;
        }

        public @Nullable String getNotes() {
            return notes;
        }
    }

    /** A patient's own treatment page: their first record (a parent picks a child with {@code ?patient=}). */
    @GetMapping("/treatment")
    String mine() {
        Actor actor = currentActor.require();
        List<PatientSummary> held = patients.heldBy(actor);
        if (held.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/patients/" + held.get(0).id() + "/treatment";
    }

    @GetMapping("/patients/{patientId}/treatment")
    String page(@PathVariable UUID patientId, Model model) {
        PlanForm form = new PlanForm();
        form.validFrom = LocalDate.now(clock);
        return show(patientId, form, null, null, model);
    }

    @PostMapping("/patients/{patientId}/treatment")
    String prescribe(@PathVariable UUID patientId, @ModelAttribute("form") PlanForm form, Model model) {
        Actor actor = currentActor.require();
        try {
            plans.prescribe(
                    actor,
                    patientId,
                    new Prescription(
                            form.regimen,
                            form.productId,
                            null,
                            form.dose,
                            form.dosePerKg,
                            null,
                            form.regimen == Regimen.PROPHYLAXIS ? form.schedule : null,
                            form.scheduleInterval,
                            form.weekdays,
                            form.doseTime,
                            "Europe/London",
                            form.validFrom,
                            null,
                            form.notes));
        } catch (InvalidInputException e) {
            return show(patientId, form, e.field(), e.getMessage(), model);
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/patients/" + patientId + "/treatment?saved";
    }

    private String show(
            UUID patientId, PlanForm form, @Nullable String errorField, @Nullable String errorMessage, Model model) {
        Actor actor = currentActor.require();
        List<TreatmentPlan> all;
        StockReport stock;
        List<Delivery> deliveries;
        try {
            all = plans.plansOf(actor, patientId);
            stock = homeStock.stock(actor, patientId);
            deliveries = homeStock.deliveriesOf(actor, patientId);
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        PatientSummary patient =
                patients.find(actor, patientId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        LocalDate today = LocalDate.now(clock);
        Optional<TreatmentPlan> active =
                all.stream().filter(p -> p.isValidOn(today)).findFirst();
        Map<UUID, Product> products =
                catalogue.products().stream().collect(Collectors.toMap(Product::id, Function.identity()));
        Instant now = clock.instant();
        model.addAttribute("patient", patient);
        model.addAttribute("plan", active.orElse(null));
        model.addAttribute("history", all);
        model.addAttribute("vials", active.map(plans::vialsOf).orElse(null));
        model.addAttribute("nextDoses", plans.scheduledDoses(patientId, now, now.plus(14, ChronoUnit.DAYS)));
        model.addAttribute(
                "bleedPlan",
                active.flatMap(plan -> {
                            Product bleedProduct = products.get(
                                    plan.bleedProductId() != null ? plan.bleedProductId() : plan.productId());
                            BigDecimal weight = plan.weightKg() != null ? plan.weightKg() : patient.weightKg();
                            return weight == null || bleedProduct == null
                                    ? Optional.empty()
                                    : Optional.ofNullable(BleedPlan.of(bleedProduct, weight, patient.ageOn(today)));
                        })
                        .orElse(null));
        model.addAttribute("products", products);
        model.addAttribute("stock", stock);
        model.addAttribute("deliveries", deliveries);
        model.addAttribute(
                "mayPrescribe", Role.of(actor.role()) == Role.CLINICIAN || Role.of(actor.role()) == Role.NURSE);
        model.addAttribute(
                "prescribable",
                catalogue.products().stream()
                        .filter(p -> p.status() == ProductStatus.ACTIVE)
                        .toList());
        model.addAttribute("form", form);
        model.addAttribute("regimens", Regimen.values());
        model.addAttribute("scheduleKinds", Schedule.Kind.values());
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("errorField", errorField);
        model.addAttribute("errorMessage", errorMessage);
        return "supply/treatment";
    }
}
