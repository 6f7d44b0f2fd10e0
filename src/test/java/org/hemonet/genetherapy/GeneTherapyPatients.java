package org.hemonet.genetherapy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.NewPatient;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.Sex;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.support.TestNetwork;

/** Patients and products the gene therapy tests own or read: a new patient of a test's own centre, the demo products. */
final class GeneTherapyPatients {

    private GeneTherapyPatients() {}

    static UUID register(PatientRegistry registry, TestNetwork.Site site, String name, DiagnosisType diagnosis) {
        UUID id = UUID.randomUUID();
        registry.register(new NewPatient(
                id,
                site.centreId(),
                name,
                "Gene" + id.toString().substring(0, 6),
                LocalDate.of(1985, 3, 2),
                Sex.MALE,
                null,
                null,
                null,
                diagnosis,
                null,
                false,
                new BigDecimal("0.5"),
                LocalDate.of(1986, 1, 10),
                new BigDecimal("80"),
                LocalDate.of(2020, 1, 6),
                List.of(),
                "Europe/London",
                null,
                null));
        return id;
    }

    static Product product(ProductCatalogue catalogue, String brand) {
        return catalogue.products().stream()
                .filter(p -> p.brandName().equals(brand))
                .findFirst()
                .orElseThrow();
    }

    static String batchOf(ProductCatalogue catalogue, Product product) {
        return catalogue.batches(product.id()).get(0).batchNumber();
    }
}
