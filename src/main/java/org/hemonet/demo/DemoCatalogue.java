package org.hemonet.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.hemonet.product.DoseUnit;
import org.hemonet.product.NewProduct;
import org.hemonet.product.ProductClass;
import org.jspecify.annotations.Nullable;

/**
 * The demo product catalogue: real generic names, invented brand names and manufacturers, plausible vial sizes,
 * recoveries (clinical.md §6 defaults) and list prices (GBP, invented). Ids are derived from the brand name, so the
 * same catalogue always has the same ids.
 */
final class DemoCatalogue {

    record BatchPlan(
            UUID productId,
            String batchNumber,
            LocalDate expiresOn,
            int vials,
            int unitsPerVial,
            LocalDate receivedOn) {}

    static final UUID OCTAVIA = id("Octavia");
    static final UUID ELORA = id("Elora");
    static final UUID NONARA = id("Nonara");
    static final UUID EFTRIX = id("Eftrix");
    static final UUID PLASMAVIA_VIII = id("Plasmavia VIII");
    static final UUID EMIVIA_150 = id("Emivia 150");
    static final UUID BYPARA = id("Bypara");
    static final UUID GENOVIX = id("Genovix");
    static final UUID FITURA = id("Fitura");

    private DemoCatalogue() {}

    static List<NewProduct> products() {
        return List.of(
                factor(
                        OCTAVIA,
                        "octocog alfa",
                        "Octavia",
                        "Northbridge Biologics",
                        ProductClass.FVIII_RECOMBINANT_STANDARD,
                        sizes(250, 500, 1000, 2000, 3000),
                        "2.0",
                        null,
                        "fviii-bjorkman-2012",
                        "0.68"),
                factor(
                        id("Coagen"),
                        "octocog alfa",
                        "Coagen",
                        "Helix Therapeutics",
                        ProductClass.FVIII_RECOMBINANT_STANDARD,
                        sizes(250, 500, 1000, 1500, 2000, 3000),
                        "2.0",
                        null,
                        "fviii-allard-2020",
                        "0.62"),
                factor(
                        id("Turovia"),
                        "turoctocog alfa",
                        "Turovia",
                        "Meridian Pharma",
                        ProductClass.FVIII_RECOMBINANT_STANDARD,
                        sizes(250, 500, 1000, 1500, 2000, 3000),
                        "2.0",
                        null,
                        "fviii-allard-2020",
                        "0.64"),
                factor(
                        ELORA,
                        "efmoroctocog alfa",
                        "Elora",
                        "Lindqvist Bio",
                        ProductClass.FVIII_RECOMBINANT_EXTENDED,
                        sizes(250, 500, 750, 1000, 1500, 2000, 3000),
                        "2.0",
                        null,
                        "fviii-allard-2020",
                        "1.05"),
                factor(
                        id("Damara"),
                        "damoctocog alfa pegol",
                        "Damara",
                        "Rhenus Biotech",
                        ProductClass.FVIII_RECOMBINANT_EXTENDED,
                        sizes(250, 500, 1000, 2000, 3000),
                        "2.0",
                        null,
                        "fviii-solms-2020",
                        "1.02"),
                factor(
                        id("Rurix"),
                        "rurioctocog alfa pegol",
                        "Rurix",
                        "Helix Therapeutics",
                        ProductClass.FVIII_RECOMBINANT_EXTENDED,
                        sizes(250, 500, 1000, 2000, 3000),
                        "2.0",
                        null,
                        null,
                        "1.08"),
                factor(
                        PLASMAVIA_VIII,
                        "human coagulation factor VIII (plasma-derived)",
                        "Plasmavia VIII",
                        "Albion Plasma Products",
                        ProductClass.FVIII_PLASMA_DERIVED,
                        sizes(250, 500, 1000),
                        "2.0",
                        null,
                        "fviii-allard-2020",
                        "0.45"),
                factor(
                        NONARA,
                        "nonacog alfa",
                        "Nonara",
                        "Meridian Pharma",
                        ProductClass.FIX_RECOMBINANT_STANDARD,
                        sizes(250, 500, 1000, 2000, 3000),
                        "0.8",
                        "0.7",
                        null,
                        "0.85"),
                factor(
                        EFTRIX,
                        "eftrenonacog alfa",
                        "Eftrix",
                        "Lindqvist Bio",
                        ProductClass.FIX_RECOMBINANT_EXTENDED,
                        sizes(250, 500, 1000, 2000, 3000),
                        "1.0",
                        null,
                        "fix-koopman-2023",
                        "2.10"),
                factor(
                        id("Albira"),
                        "albutrepenonacog alfa",
                        "Albira",
                        "Rhenus Biotech",
                        ProductClass.FIX_RECOMBINANT_EXTENDED,
                        sizes(250, 500, 1000, 2000),
                        "1.3",
                        null,
                        null,
                        "2.25"),
                factor(
                        id("Plasmavia IX"),
                        "human coagulation factor IX (plasma-derived)",
                        "Plasmavia IX",
                        "Albion Plasma Products",
                        ProductClass.FIX_PLASMA_DERIVED,
                        sizes(500, 1000),
                        "1.0",
                        null,
                        "fix-brekkan-2016",
                        "0.55"),
                other(
                        BYPARA,
                        "activated prothrombin complex concentrate (aPCC)",
                        "Bypara",
                        "Albion Plasma Products",
                        ProductClass.BYPASSING_APCC,
                        DoseUnit.IU,
                        sizes(500, 1000, 2500),
                        null,
                        "0.80"),
                other(
                        id("Septavia"),
                        "eptacog alfa (activated)",
                        "Septavia",
                        "Meridian Pharma",
                        ProductClass.BYPASSING_RFVIIA,
                        DoseUnit.MG,
                        sizes(1, 2, 5, 8),
                        null,
                        "620.00"),
                other(
                        id("Emivia 30"),
                        "emicizumab",
                        "Emivia 30",
                        "Kestrel Antibodies",
                        ProductClass.EMICIZUMAB,
                        DoseUnit.MG,
                        sizes(30),
                        "30",
                        "69.33"),
                other(
                        EMIVIA_150,
                        "emicizumab",
                        "Emivia 150",
                        "Kestrel Antibodies",
                        ProductClass.EMICIZUMAB,
                        DoseUnit.MG,
                        sizes(60, 105, 150),
                        "150",
                        "69.33"),
                other(
                        id("Willara"),
                        "human von Willebrand factor / coagulation factor VIII",
                        "Willara",
                        "Albion Plasma Products",
                        ProductClass.VWF_CONCENTRATE,
                        DoseUnit.IU,
                        sizes(500, 1000),
                        null,
                        "0.60"),
                other(
                        id("Vonara"),
                        "vonicog alfa",
                        "Vonara",
                        "Helix Therapeutics",
                        ProductClass.VWF_CONCENTRATE,
                        DoseUnit.IU,
                        sizes(650, 1300),
                        null,
                        "0.95"),
                other(
                        id("Fibrava"),
                        "human fibrinogen",
                        "Fibrava",
                        "Albion Plasma Products",
                        ProductClass.FIBRINOGEN_CONCENTRATE,
                        DoseUnit.MG,
                        sizes(1000, 2000),
                        null,
                        "0.35"),
                // issue 21: the gene therapies (vial sizes and price per 10^12 vector genomes) and the newer
                // non-factor therapies, one of each, with fictional brands as above
                other(
                        id("Lumivec"),
                        "valoctocogene roxaparvovec",
                        "Lumivec",
                        "Meridian Gene Therapeutics",
                        ProductClass.GENE_THERAPY_FVIII,
                        DoseUnit.VG,
                        sizes(160),
                        null,
                        "520.00"),
                other(
                        GENOVIX,
                        "etranacogene dezaparvovec",
                        "Genovix",
                        "Meridian Gene Therapeutics",
                        ProductClass.GENE_THERAPY_FIX,
                        DoseUnit.VG,
                        sizes(100),
                        null,
                        "1860.00"),
                other(
                        id("Tefora"),
                        "concizumab",
                        "Tefora",
                        "Kestrel Antibodies",
                        ProductClass.ANTI_TFPI,
                        DoseUnit.MG,
                        sizes(60, 150, 300),
                        null,
                        "45.00"),
                other(
                        FITURA,
                        "fitusiran",
                        "Fitura",
                        "Helix Therapeutics",
                        ProductClass.ANTITHROMBIN_LOWERING,
                        DoseUnit.MG,
                        sizes(20, 50, 80),
                        null,
                        "1100.00"));
    }

    /** Two to four batches of each product, received over the past year, expiring one to three years later. */
    static List<BatchPlan> batches(long seed, LocalDate today) {
        Random random = new Random(seed ^ 0x5eed_ba7cL);
        List<BatchPlan> batches = new ArrayList<>();
        for (NewProduct product : products()) {
            int count = 2 + random.nextInt(3);
            String prefix = product.brandName()
                    .replaceAll("[^A-Za-z]", "")
                    .substring(0, 3)
                    .toUpperCase();
            for (int i = 0; i < count; i++) {
                LocalDate received = today.minusDays(30 + random.nextInt(330));
                int size = product.vialSizes()
                        .get(random.nextInt(product.vialSizes().size()));
                batches.add(new BatchPlan(
                        product.id(),
                        String.format(
                                "%s-%02d%c%03d",
                                prefix, received.getYear() % 100, (char) ('A' + i), random.nextInt(1000)),
                        received.plusDays(365 + random.nextInt(730)),
                        200 + random.nextInt(1800),
                        size,
                        received));
            }
        }
        return batches;
    }

    private static NewProduct factor(
            UUID id,
            String generic,
            String brand,
            String manufacturer,
            ProductClass productClass,
            List<Integer> sizes,
            String recovery,
            @Nullable String recoveryUnder12,
            @Nullable String pkModel,
            String price) {
        return new NewProduct(
                id,
                generic,
                brand,
                manufacturer,
                productClass,
                DoseUnit.IU,
                sizes,
                new BigDecimal(recovery),
                recoveryUnder12 == null ? null : new BigDecimal(recoveryUnder12),
                pkModel,
                null,
                new BigDecimal(price));
    }

    private static NewProduct other(
            UUID id,
            String generic,
            String brand,
            String manufacturer,
            ProductClass productClass,
            DoseUnit unit,
            List<Integer> sizes,
            @Nullable String concentration,
            String price) {
        return new NewProduct(
                id,
                generic,
                brand,
                manufacturer,
                productClass,
                unit,
                sizes,
                null,
                null,
                null,
                concentration == null ? null : new BigDecimal(concentration),
                new BigDecimal(price));
    }

    private static List<Integer> sizes(Integer... sizes) {
        return List.of(sizes);
    }

    static UUID id(String brand) {
        return UUID.nameUUIDFromBytes(("hemonet-demo-product:" + brand).getBytes(StandardCharsets.UTF_8));
    }
}
