package org.hemonet.supply.internal;

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
import org.hemonet.supply.Delivery;
import org.hemonet.supply.DeliveryWindow;
import org.hemonet.supply.HomeStock;
import org.hemonet.supply.NewDelivery;
import org.hemonet.supply.NewSurgeryPlan;
import org.hemonet.supply.PlanChange;
import org.hemonet.supply.Prescription;
import org.hemonet.supply.Regimen;
import org.hemonet.supply.Schedule;
import org.hemonet.supply.StockReport;
import org.hemonet.supply.SurgeryKind;
import org.hemonet.supply.SurgeryPlans;
import org.hemonet.supply.TreatmentPlan;
import org.hemonet.supply.TreatmentPlans;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
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
    private final SurgeryPlans surgeryPlans;
    private final HomeStock homeStock;
    private final ProductCatalogue catalogue;
    private final PatientRegistry patients;
    private final CurrentActor currentActor;
    private final Clock clock;

    TreatmentPageController(
            TreatmentPlans plans,
            SurgeryPlans surgeryPlans,
            HomeStock homeStock,
            ProductCatalogue catalogue,
            PatientRegistry patients,
            CurrentActor currentActor,
            Clock clock) {
        this.plans = plans;
        this.surgeryPlans = surgeryPlans;
        this.homeStock = homeStock;
        this.catalogue = catalogue;
        this.patients = patients;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** The forms below are bound field by field (public fields, no accessors). */
    @InitBinder
    void bindFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    /** The prescription form; field names match {@link Prescription}. */
    static final class PlanForm {
        public @Nullable Regimen regimen = Regimen.PROPHYLAXIS;
        public @Nullable UUID productId;
        /** The product for breakthrough bleeds beside emicizumab (a factor concentrate or a bypassing agent). */
        public @Nullable UUID bleedProductId;

        public @Nullable BigDecimal dosePerKg;
        public @Nullable BigDecimal dose;
        public Schedule.@Nullable Kind schedule = Schedule.Kind.WEEKDAYS;
        public @Nullable Integer scheduleInterval = 2;
        public @Nullable Set<DayOfWeek> weekdays = Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        public @Nullable LocalTime doseTime = LocalTime.of(8, 0);
        public @Nullable LocalDate validFrom;
        public @Nullable String notes;
    }

    /** The delivery booking form; {@code batch} is {@code productId:batchNumber}. */
    static final class DeliveryForm {
        public @Nullable String batch;
        public @Nullable Integer vials;
        public @Nullable LocalDate scheduledFor;
        public @Nullable DeliveryWindow window = DeliveryWindow.STANDARD;
        public @Nullable String address;
    }

    /** Books a home delivery of one batch. */
    @PostMapping("/patients/{patientId}/deliveries")
    String book(@PathVariable UUID patientId, @ModelAttribute("deliveryForm") DeliveryForm form, Model model) {
        Actor actor = currentActor.require();
        try {
            UUID productId = null;
            String batchNumber = null;
            if (form.batch != null && form.batch.indexOf(':') == 36) {
                try {
                    productId = UUID.fromString(form.batch.substring(0, 36));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("items[0].productId", "Unknown product.");
                }
                batchNumber = form.batch.substring(37);
            }
            homeStock.book(
                    actor,
                    new NewDelivery(
                            patientId,
                            form.scheduledFor,
                            form.window,
                            List.of(new NewDelivery.Item(
                                    productId,
                                    batchNumber,
                                    form.vials,
                                    productId == null || batchNumber == null
                                            ? null
                                            : catalogue
                                                    .batch(productId, batchNumber)
                                                    .map(org.hemonet.product.Batch::unitsPerVial)
                                                    .orElse(null))),
                            form.address));
        } catch (InvalidInputException e) {
            PlanForm planForm = new PlanForm();
            planForm.validFrom = LocalDate.now(clock);
            model.addAttribute("deliveryError", deliveryErrorKey(e.field()));
            return show(patientId, planForm, null, null, model);
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/patients/" + patientId + "/treatment?booked";
    }

    private static String deliveryErrorKey(@Nullable String field) {
        if (field == null) {
            return "delivery.error.items";
        }
        String plain = field.replaceFirst("^items\\[\\d+]\\.", "");
        return switch (plain) {
            case "scheduledFor", "window", "vials", "batchNumber", "productId", "iuPerVial", "address" ->
                "delivery.error." + plain;
            default -> "delivery.error.items";
        };
    }

    /** Voids a plan entered in error (reason required). */
    @PostMapping("/patients/{patientId}/treatment-plans/{planId}/void")
    String voidPlan(
            @PathVariable UUID patientId,
            @PathVariable UUID planId,
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable String reason,
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable Integer version,
            Model model) {
        return onHistory(
                patientId,
                model,
                () -> plans.voidPlan(currentActor.require(), patientId, planId, reason, version),
                "voided");
    }

    /**
     * Runs a change to a plan in the history table and goes back to the page saying {@code done}; a refusal shows the
     * page again with the field's message, a plan changed meanwhile says so, an unknown plan is a 404.
     */
    private String onHistory(UUID patientId, Model model, Runnable change, String done) {
        try {
            change.run();
        } catch (InvalidInputException e) {
            model.addAttribute("historyError", "plans.error." + errorField(e.field()));
            return page(patientId, model);
        } catch (org.hemonet.shared.ConflictException | org.hemonet.shared.StaleVersionException e) {
            model.addAttribute("historyError", "plans.error.outdated");
            return page(patientId, model);
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/patients/" + patientId + "/treatment?" + done;
    }

    /** Changes the dose of a plan from a date, with a reason: a new version supersedes it. */
    @PostMapping("/patients/{patientId}/treatment-plans/{planId}/change")
    String changePlan(
            @PathVariable UUID patientId,
            @PathVariable UUID planId,
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable BigDecimal dosePerKg,
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable BigDecimal dose,
            @org.springframework.web.bind.annotation.RequestParam(required = false)
                    @org.springframework.format.annotation.DateTimeFormat(
                            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                    @Nullable
                    LocalDate validFrom,
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable String reason,
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable Integer version,
            Model model) {
        return onHistory(
                patientId,
                model,
                () -> plans.change(
                        currentActor.require(),
                        patientId,
                        planId,
                        new PlanChange(
                                new Prescription(
                                        null, null, null, dose, dosePerKg, null, null, null, null, null, null,
                                        validFrom, null, null, null),
                                reason,
                                version)),
                "changed");
    }

    /** A surgery factor plan with the WFH 2020 targets for the kind of surgery (the pre-operative level adjustable). */
    @PostMapping("/patients/{patientId}/surgery-plans")
    String surgeryPlan(
            @PathVariable UUID patientId,
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable String operation,
            @org.springframework.web.bind.annotation.RequestParam(required = false)
                    @org.springframework.format.annotation.DateTimeFormat(
                            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                    @Nullable
                    LocalDate date,
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable SurgeryKind kind,
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable UUID productId,
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable Integer preOpLowIuPerDl,
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable BigDecimal weightKg,
            Model model) {
        try {
            surgeryPlans.create(
                    currentActor.require(),
                    patientId,
                    new NewSurgeryPlan(operation, date, kind, productId, weightKg, preOpLowIuPerDl, null, null));
        } catch (InvalidInputException e) {
            model.addAttribute("surgeryError", "plans.error." + errorField(e.field()));
            return page(patientId, model);
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/patients/" + patientId + "/treatment?surgery#surgery-plans";
    }

    private static String errorField(@Nullable String field) {
        if (field == null) {
            return "other";
        }
        return switch (field) {
            case "reason",
                    "validFrom",
                    "dosePerKg",
                    "dose",
                    "operation",
                    "date",
                    "kind",
                    "productId",
                    "weightKg",
                    "preOpLowIuPerDl",
                    "preOpHighIuPerDl",
                    "scheduleInterval" -> field;
            default -> "other";
        };
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
        boolean apcc;
        try {
            var plan = plans.prescribe(
                    actor,
                    patientId,
                    new Prescription(
                            form.regimen,
                            form.productId,
                            form.bleedProductId,
                            form.dose,
                            form.dosePerKg,
                            null,
                            form.regimen == Regimen.PROPHYLAXIS ? form.schedule : null,
                            form.scheduleInterval,
                            form.weekdays,
                            form.doseTime,
                            null, // the patient's own time zone (issue 19)
                            form.validFrom,
                            null,
                            form.notes));
            apcc = !plans.warningsFor(actor, plan).isEmpty();
        } catch (InvalidInputException e) {
            return show(patientId, form, e.field(), e.getMessage(), model);
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/patients/" + patientId + "/treatment?saved" + (apcc ? "&apcc" : "");
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
        LocalDate today = LocalDate.now(clock.withZone(patient.timeZone()));
        Optional<TreatmentPlan> active =
                all.stream().filter(p -> p.isValidOn(today)).findFirst();
        Map<UUID, Product> products =
                catalogue.products().stream().collect(Collectors.toMap(Product::id, Function.identity()));
        Instant now = clock.instant();
        model.addAttribute("patient", patient);
        model.addAttribute("plan", active.orElse(null));
        model.addAttribute("history", all);
        model.addAttribute("revisions", plans.historyOf(actor, patientId));
        model.addAttribute("surgeryPlans", surgeryPlans.plansOf(actor, patientId));
        model.addAttribute("surgeryKinds", SurgeryKind.values());
        model.addAttribute(
                "surgeryProducts",
                catalogue.products().stream()
                        .filter(p -> p.status() == ProductStatus.ACTIVE
                                && p.productClass().factor() != null
                                && p.recovery() != null)
                        .toList());
        model.addAttribute("zone", patient.timeZone());
        model.addAttribute("vials", active.map(plans::vialsOf).orElse(null));
        model.addAttribute("nextDoses", plans.scheduledDoses(patientId, now, now.plus(14, ChronoUnit.DAYS)));
        model.addAttribute(
                "bleedPlan",
                active.flatMap(plan -> plans.bleedPlan(plan, patient.weightKg(), patient.ageOn(today)))
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
        if (!model.containsAttribute("deliveryForm")) {
            DeliveryForm deliveryForm = new DeliveryForm();
            deliveryForm.scheduledFor = today.plusDays(7);
            deliveryForm.vials = 10;
            model.addAttribute("deliveryForm", deliveryForm);
        }
        model.addAttribute("windows", DeliveryWindow.values());
        model.addAttribute(
                "deliverableBatches",
                active.map(plan -> catalogue.batches(plan.productId()).stream()
                                .filter(b -> b.expiresOn().isAfter(today))
                                .toList())
                        .orElse(List.of()));
        model.addAttribute("regimens", Regimen.values());
        model.addAttribute("scheduleKinds", Schedule.Kind.values());
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("errorField", errorField);
        model.addAttribute("errorMessage", errorMessage);
        return "supply/treatment";
    }
}
