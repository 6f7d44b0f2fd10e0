package org.hemonet.support;

import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that run the whole application on a random port against the test JVM's PostgreSQL, with the demo
 * network loaded (deterministic: the same seed gives the same data). The clock is {@link TestClock}; tests build the
 * centre, staff and patients they change or count with {@link TestNetwork} rather than leaning on demo rows.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hemonet.demo.enabled=true",
            // tests expect the demo patients' diaries empty; DemoDiaryLoaderTest generates history for its own patients
            "hemonet.demo.diary-history=false",
            "hemonet.data-dir=target/test-data",
            // tests sign the same demo account in many times within one 30-second TOTP step
            "hemonet.security.totp-replay-protection=false",
            // a few test classes need an application context of their own (the Spring test cache keeps each one, with
            // its pool, open): 10 connections each keeps five contexts well inside the embedded server's 100
            "hemonet.db.pool-size=10",
            // tests write and read a report back at once; the dashboards' snapshots (seconds behind) are tested by
            // ReportSnapshotsTest
            "hemonet.report.snapshots.enabled=false"
        })
@Import({TestClockConfiguration.class, MockMvcSessions.class})
public abstract class IntegrationTest {

    /** Whatever a test did to the clock ends with the test. */
    @AfterEach
    void resetClock() {
        TestClock.get().reset();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }
}
