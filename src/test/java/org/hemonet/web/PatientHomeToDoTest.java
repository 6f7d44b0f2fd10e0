package org.hemonet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.hemonet.identity.Role;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The patient's home says what needs doing today (issue 16): the day's prophylaxis dose until it is logged, and home
 * stock running low, each a tap from the page that deals with it.
 */
class PatientHomeToDoTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ProductCatalogue catalogue;

    @Test
    void todaysDoseAndLowStockAreOnTheHomePageUntilDealtWith() {
        TestNetwork.Site site = TestNetwork.in(context).centre("ToDo");
        PatientAccounts.Created patient = site.patient("Una", "ToDo");
        var octavia = catalogue.products().stream()
                .filter(p -> p.brandName().equals("Octavia"))
                .findFirst()
                .orElseThrow();
        ApiClient nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        var plan = nurse.postJson(
                "/api/v1/patients/" + patient.patientId() + "/treatment-plans",
                """
                {"regimen":"PROPHYLAXIS","productId":"%s","dose":1000,"schedule":"EVERY_N_DAYS","scheduleInterval":1,
                 "doseTime":"00:00","validFrom":"%s"}"""
                        .formatted(octavia.id(), LocalDate.now().minusDays(3)));
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);

        ApiClient phone = new ApiClient(port).signIn(patient.username());
        String home = phone.getHtml("/").body();
        assertThat(home).contains("id=\"to-do\"", "id=\"todo-dose\"", "Octavia 1000 IU");
        assertThat(home).as("no stock delivered: low").contains("id=\"todo-stock\"");

        var logged = phone.postJson(
                "/api/v1/patients/" + patient.patientId() + "/infusions",
                "{\"administeredAt\": \"%s\", \"productId\": \"%s\", \"doseIu\": 1000, \"reason\": \"PROPHYLAXIS\"}"
                        .formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS), octavia.id()));
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
        String after = phone.getHtml("/").body();
        assertThat(after).doesNotContain("id=\"todo-dose\"").contains("id=\"todo-dose-done\"");
    }
}
