package org.hemonet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Hemonet: one record for patients, treatment centres and the haemophilia care network. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class HemonetApplication {

    public static void main(String[] args) {
        SpringApplication.run(HemonetApplication.class, args);
    }
}
