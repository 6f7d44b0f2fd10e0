package org.hemonet.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that run the whole application on a random port against the test JVM's PostgreSQL, with the demo
 * network loaded (deterministic: the same seed gives the same data).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hemonet.demo.enabled=true",
            // tests expect the demo patients' diaries empty; DemoDiaryLoaderTest generates history for its own patients
            "hemonet.demo.diary-history=false",
            "hemonet.data-dir=target/test-data",
            // tests sign the same demo account in many times within one 30-second TOTP step
            "hemonet.security.totp-replay-protection=false"
        })
public abstract class IntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }
}
