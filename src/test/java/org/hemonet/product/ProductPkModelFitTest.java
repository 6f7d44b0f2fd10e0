package org.hemonet.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.hemonet.pk.PkEstimator;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A product names only a PK model fitted on its molecule (issue 20): the catalogue refuses anything else, and a
 * concentrate without a model says so on the catalogue and PK pages instead of showing an estimate.
 */
@AutoConfigureMockMvc
class ProductPkModelFitTest extends IntegrationTest {

    @Autowired
    ProductCatalogue catalogue;

    @Autowired
    PkEstimator pk;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    private static NewProduct product(String generic, String brand, String pkModelId) {
        return new NewProduct(
                UUID.randomUUID(),
                generic,
                brand,
                "Test Biologics",
                ProductClass.FVIII_RECOMBINANT_EXTENDED,
                DoseUnit.IU,
                List.of(500, 1000),
                new BigDecimal("2.0"),
                null,
                pkModelId,
                null,
                new BigDecimal("1.00"));
    }

    private long countBrand(String brand) {
        return jdbc.sql("select count(*) from product.product where brand_name = :b")
                .param("b", brand)
                .query(Long.class)
                .single();
    }

    @Test
    void refusesAModelNotFittedOnTheProductsMoleculeNamingTheField() {
        String brand = "Pegtest " + UUID.randomUUID();
        InvalidInputException e = catchThrowableOfType(
                InvalidInputException.class,
                () -> catalogue.add(product("damoctocog alfa pegol", brand, "fviii-allard-2020")));

        assertThat(e.field()).isEqualTo("pkModelId");
        assertThat(e.getMessage()).contains("fviii-allard-2020 was not fitted on damoctocog alfa pegol");
        assertThat(countBrand(brand)).isZero();
    }

    @Test
    void refusesAnUnknownModel() {
        String brand = "Unknowntest " + UUID.randomUUID();
        InvalidInputException e = catchThrowableOfType(
                InvalidInputException.class, () -> catalogue.add(product("octocog alfa", brand, "fviii-nobody-1999")));

        assertThat(e.field()).isEqualTo("pkModelId");
        assertThat(countBrand(brand)).isZero();
    }

    @Test
    void acceptsAFittedModelAndAProductWithoutOne() {
        String fitted = "Fittest " + UUID.randomUUID();
        String none = "Nonetest " + UUID.randomUUID();
        UUID id = catalogue.add(product("human coagulation factor VIII (plasma-derived)", fitted, "fviii-allard-2020"));
        catalogue.add(product("rurioctocog alfa pegol", none, null));

        assertThat(catalogue.find(id).orElseThrow().pkModelId()).isEqualTo("fviii-allard-2020");
        assertThat(countBrand(none)).isOne();
    }

    @Test
    void everyProductOfTheLoadedCatalogueNamesOnlyAFittedModel() {
        assertThat(catalogue.products())
                .filteredOn(p -> p.pkModelId() != null)
                .isNotEmpty()
                .allSatisfy(p -> assertThat(pk.refusal(p.pkModelId(), p.genericName()))
                        .as("%s (%s) names %s", p.brandName(), p.genericName(), p.pkModelId())
                        .isNull());
    }

    @Test
    void damoctocogAlfaPegolNamesTheSolmsModelAndOtherPegylatedFviiiIsRefusedIt() {
        // issue 20: Solms 2020 was fitted on damoctocog alfa pegol (Jivi) only
        assertThat(catalogue.products())
                .filteredOn(p -> p.genericName().equals("damoctocog alfa pegol"))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.pkModelId()).isEqualTo("fviii-solms-2020"));
        assertThat(pk.refusal("fviii-solms-2020", "rurioctocog alfa pegol")).contains("was not fitted on");
        assertThat(pk.refusal("fviii-solms-2020", "octocog alfa")).contains("was not fitted on");
    }

    @Test
    void theCataloguePageSaysWhichConcentratesHaveNoValidatedModel() throws Exception {
        String page = mvc.perform(get("/products").session(SignIn.as(mvc, "clinician.north")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        String rurix = page.substring(page.indexOf(">Rurix<"));
        rurix = rurix.substring(0, rurix.indexOf("</tr>"));
        assertThat(rurix).contains("No validated PK model for this product").doesNotContain("fviii-allard-2020");
        String damara = page.substring(page.indexOf(">Damara<"));
        assertThat(damara.substring(0, damara.indexOf("</tr>")))
                .contains("fviii-solms-2020")
                .doesNotContain("No validated PK model");
        String plasmavia = page.substring(page.indexOf(">Plasmavia IX<"));
        assertThat(plasmavia.substring(0, plasmavia.indexOf("</tr>"))).contains("fix-brekkan-2016");
    }

    @Test
    void thePkPageOfAPatientOnAProductWithoutAModelShowsNoEstimate() throws Exception {
        UUID nonara = catalogue.products().stream()
                .filter(p -> p.genericName().equals("nonacog alfa"))
                .findFirst()
                .orElseThrow()
                .id();
        UUID patient = jdbc.sql(
                        """
                        select p.id from patient.patient p
                        join supply.treatment_plan t on t.patient_id = p.id
                        where t.product_id = :product and t.voided_at is null and t.valid_to is null
                          and p.centre_id in (select c.centre_id from identity.account_centre c
                                              join identity.account a on a.id = c.account_id
                                              where a.username = 'clinician.north')
                        order by p.id limit 1""")
                .param("product", nonara)
                .query(UUID.class)
                .single();

        String page = mvc.perform(get("/patients/" + patient + "/pk").session(SignIn.as(mvc, "clinician.north")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("id=\"no-pk-model\"", "No validated PK model for this product", "nonacog alfa");
        assertThat(page).doesNotContain("data-curve=\"[[");
        assertThat(page).contains("What each model was fitted on", "Not fully verified");
    }
}
