package org.hemonet.fhir.internal;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hemonet.product.Batch;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.product.ProductStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Medication: the product catalogue ({@link ProductCatalogue}; not patient data). A product is coded in ATC and in
 * Hemonet's product classes; an infusion's own Medication (contained in its MedicationAdministration) adds the batch.
 */
@Component
public class MedicationProvider implements IResourceProvider {

    private final ProductCatalogue catalogue;

    MedicationProvider(ProductCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Class<Medication> getResourceType() {
        return Medication.class;
    }

    @Read
    public Medication read(@IdParam IdType id) {
        return catalogue.find(Ids.uuid(id)).map(MedicationProvider::resource).orElseThrow(FhirErrors::notFound);
    }

    /** Every product, or those with an ATC or Hemonet product-class code. */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = Medication.SP_CODE) @Nullable TokenParam code,
            @Count @Nullable Integer count,
            @Offset @Nullable Integer offset) {
        List<Medication> all = catalogue.products().stream()
                .map(MedicationProvider::resource)
                .filter(m -> code == null
                        || m.getCode().getCoding().stream()
                                .anyMatch(c -> c.getCode().equals(code.getValue())
                                        && (code.getSystem() == null
                                                || code.getSystem().equals(c.getSystem()))))
                .toList();
        return Pages.slice(Pages.Request.of(offset, count), all);
    }

    /** The product as the resource {@code Medication/<product id>}. */
    static Medication resource(Product product) {
        Medication medication = toFhir(product);
        medication.setId(new IdType("Medication", product.id().toString()));
        return medication;
    }

    /** The product without an id of its own (the caller sets it, or contains it). */
    static Medication toFhir(Product product) {
        Medication medication = new Medication();
        medication
                .addIdentifier()
                .setSystem(Terminology.PRODUCT_ID)
                .setValue(product.id().toString());
        CodeableConcept code = new CodeableConcept();
        Terminology.Code atc = Terminology.atc(product.productClass());
        if (atc != null) {
            code.addCoding(new Coding(atc.system(), atc.code(), atc.display()));
        }
        Terminology.Code productClass = Terminology.PRODUCT_CLASS
                .find(Terminology.code(product.productClass()))
                .orElseThrow();
        code.addCoding(new Coding(productClass.system(), productClass.code(), productClass.display()));
        code.setText(product.brandName() + " (" + product.genericName() + ")");
        medication.setCode(code);
        medication.setStatus(
                product.status() == ProductStatus.ACTIVE
                        ? Medication.MedicationStatus.ACTIVE
                        : Medication.MedicationStatus.INACTIVE);
        medication.setManufacturer(new Reference().setDisplay(product.manufacturer()));
        return medication;
    }

    /** The product as given in one infusion: with its batch number and, for a batch the network received, expiry. */
    static Medication withBatch(Product product, @Nullable String batchNumber, @Nullable Batch batch) {
        Medication medication = toFhir(product);
        if (batchNumber != null) {
            Medication.MedicationBatchComponent component =
                    medication.getBatch().setLotNumber(batchNumber);
            if (batch != null) {
                component.setExpirationDateElement(
                        new DateTimeType(batch.expiresOn().toString()));
            }
        }
        return medication;
    }
}
