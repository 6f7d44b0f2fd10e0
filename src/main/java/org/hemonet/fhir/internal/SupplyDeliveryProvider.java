package org.hemonet.fhir.internal;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.shared.CurrentActor;
import org.hemonet.supply.Delivery;
import org.hemonet.supply.HomeStock;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SupplyDelivery;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * SupplyDelivery: home deliveries of the supply module, read through {@link HomeStock} (its access policy and audit).
 * R4 allows one supplied item per SupplyDelivery, and a Hemonet delivery may bring several batches, so each line of a
 * delivery is one SupplyDelivery, id {@code <delivery id>-<line number from 1>}, all sharing the delivery's identifier
 * (system {@code https://hemonet.org/fhir/sid/delivery}, the courier reference {@code HD-…}). {@code status}: ordered or
 * scheduled → in-progress, delivered → completed, failed → abandoned; {@code occurrence} when it arrived, or the
 * scheduled day while in progress; {@code suppliedItem}: the number of vials and a contained Medication (the product
 * with {@code batch.lotNumber}); {@code supplier} the centre.
 */
@Component
public class SupplyDeliveryProvider implements IResourceProvider {

    static final String DELIVERY_ID = Terminology.BASE + "/sid/delivery";
    static final String ITEM_TYPE = "http://terminology.hl7.org/CodeSystem/supply-item-type";

    private final HomeStock homeStock;
    private final ProductCatalogue catalogue;
    private final CurrentActor currentActor;

    SupplyDeliveryProvider(HomeStock homeStock, ProductCatalogue catalogue, CurrentActor currentActor) {
        this.homeStock = homeStock;
        this.catalogue = catalogue;
        this.currentActor = currentActor;
    }

    @Override
    public Class<SupplyDelivery> getResourceType() {
        return SupplyDelivery.class;
    }

    @Read
    public SupplyDelivery read(@IdParam IdType id) {
        String idPart = id.getIdPart();
        UUID deliveryId = Ids.patientPrefix(idPart);
        Delivery delivery = homeStock.delivery(currentActor.require(), deliveryId);
        return toFhir(delivery).stream()
                .filter(d -> d.getIdElement().getIdPart().equals(idPart))
                .findFirst()
                .orElseThrow(FhirErrors::notFound);
    }

    @Search
    public IBundleProvider search(
            @RequiredParam(name = SupplyDelivery.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = "_lastUpdated") @Nullable DateRangeParam lastUpdated,
            @Count @Nullable Integer count,
            @Offset @Nullable Integer offset) {
        UUID patientId = Ids.parse(patient.getIdPart());
        List<SupplyDelivery> found = patientId == null
                ? List.of()
                : of(patientId).stream()
                        .filter(d -> Versions.lastUpdatedWithin(lastUpdated, d))
                        .toList();
        return Pages.slice(Pages.Request.of(offset, count), found);
    }

    /** The patient's deliveries, line by line, newest first as the supply module lists them. */
    List<SupplyDelivery> of(UUID patientId) {
        return homeStock.deliveriesOf(currentActor.require(), patientId).stream()
                .flatMap(d -> toFhir(d).stream())
                .toList();
    }

    List<SupplyDelivery> toFhir(Delivery delivery) {
        List<SupplyDelivery> lines = new ArrayList<>();
        Instant changed = delivery.deliveredAt() != null ? delivery.deliveredAt() : delivery.createdAt();
        for (int i = 0; i < delivery.items().size(); i++) {
            Delivery.Item item = delivery.items().get(i);
            SupplyDelivery line = new SupplyDelivery();
            line.setId(new IdType("SupplyDelivery", delivery.id() + "-" + (i + 1)));
            line.addIdentifier().setSystem(DELIVERY_ID).setValue(delivery.reference());
            line.setStatus(
                    switch (delivery.status()) {
                        case ORDERED, SCHEDULED -> SupplyDelivery.SupplyDeliveryStatus.INPROGRESS;
                        case DELIVERED -> SupplyDelivery.SupplyDeliveryStatus.COMPLETED;
                        case FAILED -> SupplyDelivery.SupplyDeliveryStatus.ABANDONED;
                    });
            line.setPatient(new Reference("Patient/" + delivery.patientId()));
            line.setType(new CodeableConcept(new Coding(ITEM_TYPE, "medication", "Medication")));
            if (delivery.deliveredAt() != null) {
                line.setOccurrence(Versions.utc(delivery.deliveredAt()));
            } else {
                line.setOccurrence(new DateTimeType(delivery.scheduledFor().toString()));
            }
            line.setSupplier(new Reference("Organization/" + delivery.centreId()));
            catalogue.find(item.productId()).ifPresent(product -> {
                Medication medication = MedicationProvider.withBatch(
                        product,
                        item.batchNumber(),
                        catalogue.batch(item.productId(), item.batchNumber()).orElse(null));
                medication.setId("product");
                line.addContained(medication);
                line.getSuppliedItem().setItem(new Reference("#product"));
            });
            line.getSuppliedItem()
                    // vials are counted, not measured: a unit without a UCUM code (annotations such as {vial} are
                    // discouraged by the validator)
                    .setQuantity(new Quantity().setValue(item.vials()).setUnit("vial"));
            lines.add(Versions.stamp(line, delivery.version(), changed));
        }
        return lines;
    }
}
