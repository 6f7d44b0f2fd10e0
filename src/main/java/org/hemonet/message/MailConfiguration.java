package org.hemonet.message;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * How the outbox sends: through Spring's {@link JavaMailSender} when one is configured ({@code spring.mail.host}),
 * otherwise through a sender that only logs that an e-mail would have gone (never its address or text).
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    @Bean
    MailGateway mailGateway(
            ObjectProvider<JavaMailSender> javaMail, @Value("${hemonet.mail.from:hemonet@localhost}") String from) {
        JavaMailSender sender = javaMail.getIfAvailable();
        if (sender == null) {
            return (to, subject, body) -> log.info("No mail server configured (spring.mail.host): e-mail not sent");
        }
        return (to, subject, body) -> {
            SimpleMailMessage mail = new SimpleMailMessage();
            mail.setFrom(from);
            mail.setTo(to);
            mail.setSubject(subject);
            mail.setText(body);
            sender.send(mail);
        };
    }
}
