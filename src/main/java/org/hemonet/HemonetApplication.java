package org.hemonet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Hemonet: one record for patients, treatment centres and the haemophilia care network. {@code java -jar hemonet.jar}
 * serves it; {@code java -jar hemonet.jar <command> ...} runs one command line command ({@code help} lists them).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class HemonetApplication {

    public static void main(String[] args) {
        if (org.hemonet.shared.Commands.isCommand(args)) {
            System.exit(org.hemonet.shared.Commands.run(HemonetApplication.class, args));
        }
        SpringApplication.run(HemonetApplication.class, args);
    }
}
