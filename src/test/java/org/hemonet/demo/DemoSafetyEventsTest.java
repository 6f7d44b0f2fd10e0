package org.hemonet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo network's adverse events (issue 13): reported events of several categories (one serious with a batch, which
 * offers the recall), two in the last complete quarter for the returns page, and one draft to triage; none for the
 * demo logins' own patients; and they reach the pages: the analyst's return for the last complete quarter counts them.
 */
class DemoSafetyEventsTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void theDemoNetworkHoldsReportedEventsOfSeveralCategoriesAndOneDraft() {
        List<Map<String, Object>> events = jdbc.sql(
                        """
                        select e.category, e.status, e.serious, e.batch_number, e.onset_on, p.family_name
                        from safety.adverse_event e join patient.patient p on p.id = e.patient_id
                        where e.reporter = 'Demo haematologist'""")
                .query()
                .listOfRows();
        assertThat(events).hasSize(5);
        assertThat(events.stream()
                        .filter(e -> "REPORTED".equals(e.get("status")))
                        .map(e -> e.get("category"))
                        .distinct())
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(events.stream().filter(e -> "DRAFT".equals(e.get("status")))).hasSize(1);
        assertThat(events)
                .anyMatch(e -> Boolean.TRUE.equals(e.get("serious"))
                        && "REPORTED".equals(e.get("status"))
                        && e.get("batch_number") != null);
        assertThat(events).noneMatch(e -> List.of("Bradley", "Okafor").contains(e.get("family_name")));

        LocalDate today = LocalDate.now();
        LocalDate lastQuarter = today.withDayOfMonth(1).minusMonths((today.getMonthValue() - 1) % 3 + 3);
        int quarter = (lastQuarter.getMonthValue() - 1) / 3 + 1;
        String body = new ApiClient(port)
                .signIn("analyst")
                .get("/api/v1/safety/returns?year=%d&quarter=%d".formatted(lastQuarter.getYear(), quarter))
                .body();
        assertThat(body).contains("\"category\":\"INHIBITOR\"", "\"category\":\"ACUTE_REACTION\"");
    }
}
