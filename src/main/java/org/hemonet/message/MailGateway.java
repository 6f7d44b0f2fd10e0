package org.hemonet.message;

/** Sends one e-mail; throws when it could not (the outbox keeps it and tries again). */
interface MailGateway {

    void send(String to, String subject, String body);
}
