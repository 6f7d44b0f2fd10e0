package org.hemonet.fhir.internal;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hemonet.product.DoseUnit;
import org.hemonet.shared.CurrentActor;
import org.hemonet.supply.Regimen;
import org.hemonet.supply.Schedule;
import org.hemonet.supply.TreatmentPlan;
import org.hemonet.supply.TreatmentPlans;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * MedicationRequest: treatment plans ({@link TreatmentPlans}, which applies the access policy and audits). Read by id
 * (a plan of another centre's patient is 404 like an unknown id, a voided plan 410) and search of a patient's living
 * plans. An emicizumab plan with a loading phase has two dosage instructions: the weekly loading doses (sequence 1)
 * and the maintenance schedule after them (sequence 2).
 */
@Component
public class MedicationRequestProvider implements IResourceProvider {

    static final String COURSE = "http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy";

    static final String INCLUDE_MEDICATION = "MedicationRequest:medication";

    private final TreatmentPlans plans;
    private final CurrentActor currentActor;
    private final java.time.Clock clock;
    private final org.hemonet.product.ProductCatalogue catalogue;

    MedicationRequestProvider(
            TreatmentPlans plans,
            CurrentActor currentActor,
            java.time.Clock clock,
            org.hemonet.product.ProductCatalogue catalogue) {
        this.plans = plans;
        this.currentActor = currentActor;
        this.clock = clock;
        this.catalogue = catalogue;
    }

    @Override
    public Class<MedicationRequest> getResourceType() {
        return MedicationRequest.class;
    }

    @ca.uhn.fhir.rest.annotation.Read
    public MedicationRequest read(@ca.uhn.fhir.rest.annotation.IdParam IdType id) {
        TreatmentPlan plan = plans.plan(currentActor.require(), Ids.uuid(id));
        if (plan.voidedAt() != null) {
            throw FhirErrors.gone();
        }
        return toFhir(plan, clock);
    }

    @Search
    public IBundleProvider search(
            @RequiredParam(name = MedicationRequest.SP_PATIENT) ReferenceParam patient,
            @ca.uhn.fhir.rest.annotation.IncludeParam(allow = {INCLUDE_MEDICATION})
                    java.util.@Nullable Set<ca.uhn.fhir.model.api.Include> includes,
            @Count @Nullable Integer count,
            @Offset @Nullable Integer offset) {
        UUID patientId = Ids.parse(patient.getIdPart());
        List<MedicationRequest> found = patientId == null
                ? List.of()
                : plans.plansOf(currentActor.require(), patientId).stream()
                        .map(plan -> toFhir(plan, clock))
                        .toList();
        Pages.Request page = Pages.Request.of(offset, count);
        List<MedicationRequest> shown = page.slice(found);
        List<org.hl7.fhir.instance.model.api.IBaseResource> resources = new java.util.ArrayList<>();
        java.util.Map<String, org.hl7.fhir.r4.model.Medication> medications = new java.util.LinkedHashMap<>();
        for (MedicationRequest request : shown) {
            ca.uhn.fhir.model.api.ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(
                    request, ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum.MATCH);
            resources.add(request);
            boolean include = includes != null
                    && includes.stream().anyMatch(i -> i.getValue().equals(INCLUDE_MEDICATION));
            if (include && request.hasMedicationReference()) {
                String reference = request.getMedicationReference().getReference();
                UUID productId = Ids.referenced("Medication", reference);
                if (productId != null && !medications.containsKey(reference)) {
                    catalogue.find(productId).map(MedicationProvider::resource).ifPresent(m -> {
                        ca.uhn.fhir.model.api.ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(
                                m, ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum.INCLUDE);
                        medications.put(reference, m);
                    });
                }
            }
        }
        resources.addAll(medications.values());
        return Pages.page(page, resources, found.size());
    }

    /** The plan as of today in its own zone (UTC for an on-demand plan, which has no schedule). */
    static MedicationRequest toFhir(TreatmentPlan plan, java.time.Clock clock) {
        Schedule schedule = plan.schedule();
        return toFhir(
                plan, LocalDate.now(clock.withZone(schedule == null ? java.time.ZoneOffset.UTC : schedule.zone())));
    }

    /** The plan as of {@code today} (its status: completed once its last day has passed). */
    static MedicationRequest toFhir(TreatmentPlan plan, LocalDate today) {
        MedicationRequest request = new MedicationRequest();
        request.setId(new IdType("MedicationRequest", plan.id().toString()));
        request.setStatus(
                plan.validTo() != null && plan.validTo().isBefore(today)
                        ? MedicationRequest.MedicationRequestStatus.COMPLETED
                        : MedicationRequest.MedicationRequestStatus.ACTIVE);
        request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        boolean prophylaxis = plan.regimen() == Regimen.PROPHYLAXIS;
        request.setCourseOfTherapyType(new CodeableConcept(
                prophylaxis
                        ? new Coding(COURSE, "continuous", "Continuous long term therapy")
                        : new Coding(COURSE, "acute", "Short course (acute) therapy")));
        request.setMedication(new Reference("Medication/" + plan.productId()));
        request.setSubject(new Reference("Patient/" + plan.patientId()));
        request.setAuthoredOnElement(new DateTimeType(
                Date.from(plan.createdAt()),
                ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND,
                java.util.TimeZone.getTimeZone("UTC")));
        request.setRequester(new Reference().setDisplay(plan.prescriberName()));
        TreatmentPlan.Loading loading = plan.loading();
        if (loading != null) {
            request.addDosageInstruction(loadingDoses(plan, loading));
        }
        Dosage dosage = request.addDosageInstruction();
        if (loading != null) {
            dosage.setSequence(2);
        }
        boolean iu = plan.unit() == DoseUnit.IU;
        dosage.addDoseAndRate()
                .setDose(new Quantity()
                        .setValue(plan.dose())
                        .setUnit(iu ? "IU" : "mg")
                        .setSystem(Terminology.UCUM)
                        .setCode(iu ? "[iU]" : "mg"));
        Schedule schedule = plan.schedule();
        if (schedule == null) {
            dosage.setAsNeeded(new org.hl7.fhir.r4.model.BooleanType(true));
            dosage.setText("On demand, for bleeds");
        } else {
            Timing.TimingRepeatComponent repeat = dosage.getTiming().getRepeat();
            switch (schedule.kind()) {
                case EVERY_N_DAYS ->
                    repeat.setFrequency(1).setPeriod(schedule.interval()).setPeriodUnit(Timing.UnitsOfTime.D);
                case EVERY_N_WEEKS ->
                    repeat.setFrequency(1).setPeriod(schedule.interval()).setPeriodUnit(Timing.UnitsOfTime.WK);
                case WEEKDAYS -> {
                    repeat.setFrequency(1).setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.D);
                    schedule.weekdays().stream().sorted().forEach(day -> repeat.addDayOfWeek(dayOf(day)));
                }
            }
            repeat.addTimeOfDay(
                    schedule.doseTime().toString().length() == 5
                            ? schedule.doseTime() + ":00"
                            : schedule.doseTime().toString());
            repeat.setBounds(new Period()
                    .setStartElement(new DateTimeType(plan.maintenanceFrom().toString()))
                    .setEndElement(
                            plan.validTo() == null
                                    ? null
                                    : new DateTimeType(plan.validTo().toString())));
        }
        request.getDispenseRequest()
                .setValidityPeriod(new Period()
                        .setStartElement(new DateTimeType(plan.validFrom().toString()))
                        .setEndElement(
                                plan.validTo() == null
                                        ? null
                                        : new DateTimeType(plan.validTo().toString())));
        if (plan.notes() != null && !plan.notes().isBlank()) {
            request.addNote(new Annotation().setText(plan.notes()));
        }
        return request;
    }

    /**
     * The emicizumab loading phase (clinical.md §6) as its own dosage instruction, before the maintenance one: {@code
     * doses} weekly doses of the loading dose in mg from the plan's first day, at the plan's dose time, ending the day
     * before maintenance starts.
     */
    private static Dosage loadingDoses(TreatmentPlan plan, TreatmentPlan.Loading loading) {
        Dosage dosage = new Dosage();
        dosage.setSequence(1);
        dosage.setText("Loading: " + loading.doses() + " weekly doses of "
                + loading.perKg().stripTrailingZeros().toPlainString() + " mg/kg");
        dosage.addDoseAndRate()
                .setDose(new Quantity()
                        .setValue(loading.dose())
                        .setUnit("mg")
                        .setSystem(Terminology.UCUM)
                        .setCode("mg"));
        Timing.TimingRepeatComponent repeat = dosage.getTiming().getRepeat();
        repeat.setCount(loading.doses()).setFrequency(1).setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.WK);
        Schedule schedule = plan.schedule();
        if (schedule != null) {
            repeat.addTimeOfDay(
                    schedule.doseTime().toString().length() == 5
                            ? schedule.doseTime() + ":00"
                            : schedule.doseTime().toString());
        }
        repeat.setBounds(new Period()
                .setStartElement(new DateTimeType(plan.validFrom().toString()))
                .setEndElement(
                        new DateTimeType(plan.maintenanceFrom().minusDays(1).toString())));
        return dosage;
    }

    private static Timing.DayOfWeek dayOf(DayOfWeek day) {
        return Timing.DayOfWeek.fromCode(day.name().substring(0, 3).toLowerCase(java.util.Locale.ROOT));
    }
}
