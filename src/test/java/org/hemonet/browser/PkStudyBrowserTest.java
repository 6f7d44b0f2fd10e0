package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hemonet.support.ApiClient;
import org.hemonet.support.BrowserTest;
import org.hemonet.support.DemoProducts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 7: a clinician enters a PK study and sees the individual curve, half-life and regimens; picks logged infusions
 * and lab results, saves the study and signs a regimen off with a chosen product; the family then sees the level
 * estimate based on the child's own PK study. The walk uses Sam Okafor (South, parent.sara), whose plan and diary no
 * other test counts; what it adds is voided and his plans are put back afterwards.
 */
class PkStudyBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    List<Map<String, Object>> samPlans;

    private UUID patient(String given, String family) {
        return jdbc.sql("select id from patient.patient where given_name = :g and family_name = :f")
                .param("g", given)
                .param("f", family)
                .query(UUID.class)
                .single();
    }

    private UUID tom() {
        return patient("Tom", "Bradley");
    }

    @BeforeEach
    void rememberSamsPlans() {
        samPlans = jdbc.sql(
                        "select id, valid_to, voided_at, voided_by, void_reason, version from supply.treatment_plan where patient_id = :p")
                .param("p", patient("Sam", "Okafor"))
                .query()
                .listOfRows();
    }

    @AfterEach
    void putSamBack() {
        UUID sam = patient("Sam", "Okafor");
        List<Object> ids = samPlans.stream().map(r -> r.get("id")).toList();
        jdbc.sql(
                        "update supply.treatment_plan set voided_at = now(), voided_by = prescriber_id, void_reason = 'test clean-up' where patient_id = :p and voided_at is null and id not in (:ids)")
                .param("p", sam)
                .param("ids", ids.isEmpty() ? List.of(UUID.randomUUID()) : ids)
                .update();
        for (Map<String, Object> row : samPlans) {
            jdbc.sql(
                            """
                            update supply.treatment_plan set valid_to = :to, voided_at = :at, voided_by = :by,
                            void_reason = :reason, version = :version where id = :id""")
                    .param("to", row.get("valid_to"))
                    .param("at", row.get("voided_at"))
                    .param("by", row.get("voided_by"))
                    .param("reason", row.get("void_reason"))
                    .param("version", row.get("version"))
                    .param("id", row.get("id"))
                    .update();
        }
        for (String table : List.of("pk.study", "pk.factor_level", "diary.infusion")) {
            jdbc.sql(
                            "update " + table
                                    + " set voided_at = now(), voided_by = 'test', void_reason = 'test clean-up' where patient_id = :p and voided_at is null")
                    .param("p", sam)
                    .update();
        }
    }

    @Test
    void clinicianEntersLevelsAndSeesTheIndividualCurve() {
        Page page = signIn("clinician.north", DESKTOP_WIDTH);
        page.navigate("/patients/" + tom() + "/pk");
        assertThat(page.locator("h1")).containsText("Tom Bradley");
        assertThat(page.locator("h2").nth(1)).hasText("Population estimate (no levels entered)");
        page.locator("details.typed summary").click();
        String day = LocalDate.now().toString();
        page.locator("#doseAt").fill(day + "T09:00");
        page.locator("#doseIu").fill("3750");
        page.locator("#sampleAt0").fill(day + "T13:00");
        page.locator("#sampleLevel0").fill("55");
        page.locator("#sampleAt1").fill(day + "T21:00");
        page.locator("#sampleLevel1").fill("32");
        page.locator("#sampleAt2").fill(LocalDate.now().plusDays(1) + "T09:00");
        page.locator("#sampleLevel2").fill("16");
        page.getByText("Estimate", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("h2").nth(1)).hasText("Individual estimate");
        String halfLife = page.locator(".half-life").innerText();
        double hours = Double.parseDouble(halfLife.replace(" h", ""));
        // levels halving roughly every 12 h: the individual half-life must be near that, not the population's
        assertThat(hours).isBetween(9.0, 16.0);
        assertThat(page.locator("table.regimens tbody tr")).hasCount(3);
        assertThat(page.locator("canvas#pk-chart")).isVisible();
        page.waitForTimeout(300);
        screenshot(page, "pk-study-desktop");
    }

    @Test
    void impossibleInputIsExplainedNotCrashed() {
        Page page = signIn("clinician.north", PHONE_WIDTH);
        page.navigate("/patients/" + tom() + "/pk");
        page.locator("details.typed summary").click();
        page.locator("#doseIu").fill("-5");
        page.getByText("Estimate", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator(".notice.error")).containsText("doseIu");
        screenshot(page, "pk-study-phone-error");
    }

    @Test
    void clinicianPicksLoggedInfusionsAndLabResultsSavesTheStudySignsOffAndTheFamilySeesTheirOwnPk() {
        UUID sam = patient("Sam", "Okafor");
        Instant dose = Instant.now().minus(26, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        // the infusion the family logged, and two lab results the laboratory sent
        ApiClient api = new ApiClient(port).signIn("clinician.south");
        // a FVIII concentrate: the level page counts only the infusions of the product whose model it uses (issue 20)
        DemoProducts product = DemoProducts.ofMolecule(jdbc, "octocog alfa");
        assertThat(api.postJson(
                                "/api/v1/patients/" + sam + "/infusions",
                                """
                {"administeredAt": "%s", "productId": "%s", "batchNumber": "%s", "doseIu": 2000, "reason": "PROPHYLAXIS"}"""
                                        .formatted(dose, product.productId(), product.batchNumber()))
                        .statusCode())
                .isEqualTo(201);
        for (Object[] level : new Object[][] {{4, 55}, {12, 34}}) {
            assertThat(api.postJson(
                                    "/api/v1/patients/" + sam + "/factor-levels",
                                    "{\"takenAt\": \"%s\", \"iuPerDl\": %s}"
                                            .formatted(dose.plus((int) level[0], ChronoUnit.HOURS), level[1]))
                            .statusCode())
                    .isEqualTo(201);
        }

        Page page = signIn("clinician.south", DESKTOP_WIDTH);
        page.navigate("/patients/" + sam + "/pk");
        assertThat(page.locator("h1")).containsText("Sam Okafor");
        // the third level through the page's lab form
        page.locator("#labTakenAt")
                .fill(dose.plus(24, ChronoUnit.HOURS)
                        .atZone(ZoneId.of("Europe/London"))
                        .toLocalDateTime()
                        .toString());
        page.locator("#labLevel").fill("19");
        page.locator("#add-lab").click();
        assertThat(page.locator("#lab-saved")).isVisible();
        assertThat(page.locator("table.levels tbody tr")).hasCount(3);

        // Sam is moderate (baseline 3 IU/dL): a trough of 1 IU/dL needs no prophylaxis, so aim higher
        page.locator("#targetTroughIuPerDl").fill("5");
        page.locator("#infusion0").check();
        Locator levels = page.locator("input[name=factorLevelIds]");
        assertThat(levels).hasCount(3);
        for (int i = 0; i < 3; i++) {
            levels.nth(i).check();
        }
        page.getByText("Estimate", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("h2").nth(1)).hasText("Individual estimate");
        assertThat(page.locator(".samples-used")).hasText("3");
        assertThat(page.locator("#infusion0")).isChecked();
        double hours = Double.parseDouble(page.locator(".half-life").innerText().replace(" h", ""));
        assertThat(hours).isBetween(5.0, 30.0);
        page.waitForTimeout(300);
        screenshot(page, "pk-study-picked-desktop");

        page.locator("#save-study").click();
        assertThat(page.locator("#study-saved")).isVisible();
        assertThat(page.locator("ul.samples li")).hasCount(3);
        assertThat(page.locator("ul.doses li")).hasCount(1);
        assertThat(page.locator("canvas#pk-chart")).isVisible();
        assertThat(page.locator(".half-life")).hasText(hours + " h");

        page.locator("#regimen2").check();
        String defaultProduct = page.locator("#productId").inputValue();
        Locator options = page.locator("#productId option");
        String chosen = null;
        String chosenLabel = null;
        for (int i = 0; i < options.count(); i++) {
            if (!options.nth(i).getAttribute("value").equals(defaultProduct)) {
                chosen = options.nth(i).getAttribute("value");
                chosenLabel = options.nth(i).innerText();
                break;
            }
        }
        assertThat(chosen)
                .as("the catalogue offers more than one FVIII concentrate")
                .isNotNull();
        page.locator("#productId").selectOption(chosen);
        page.locator("#sign-off-button").click();
        assertThat(page.locator("#signed-off")).containsText("every 3 day");
        assertThat(page.locator("#signed-off")).containsText(chosenLabel.substring(0, chosenLabel.indexOf(" (")));
        assertThat(page.locator("#study-status")).containsText("Regimen signed off");
        assertThat(jdbc.sql(
                                "select product_id from supply.treatment_plan where patient_id = :p and voided_at is null order by created_at desc limit 1")
                        .param("p", sam)
                        .query(UUID.class)
                        .single())
                .isEqualTo(UUID.fromString(chosen));
        page.waitForTimeout(300);
        screenshot(page, "pk-study-signed-off-desktop");

        page.navigate("/patients/" + sam + "/pk");
        assertThat(page.locator("table.studies tbody tr")).hasCount(1);
        assertThat(page.locator("table.studies tbody tr").first()).containsText("regimen signed off");
        screenshot(page, "pk-study-list-desktop");

        Page phone = signIn("clinician.south", PHONE_WIDTH);
        phone.navigate("/patients/" + sam + "/pk");
        phone.locator("table.studies a").first().click();
        assertThat(phone.locator("h1")).containsText("PK study of");
        phone.waitForTimeout(300);
        screenshot(phone, "pk-study-saved-phone");

        Page family = signIn("parent.sara", PHONE_WIDTH);
        family.navigate("/my-level?patient=" + sam);
        assertThat(family.locator("#pk-source")).containsText("Based on your own PK study of");
        assertThat(family.locator(".explanation")).containsText("your own PK study");
        family.waitForTimeout(300);
        screenshot(family, "my-level-own-pk-phone");
    }
}
