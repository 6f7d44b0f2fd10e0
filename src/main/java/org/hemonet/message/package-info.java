/**
 * Messages between patients and their centre, and the e-mail outbox that tells people a message is waiting. Other
 * modules send through {@link org.hemonet.message.Messages}; an acknowledgement is published as
 * {@link org.hemonet.message.MessageAcknowledged}. Depends on nothing that depends on it: supply, for batch recalls,
 * calls it and listens to its events.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "patient", "centre", "audit"})
@org.jspecify.annotations.NullMarked
package org.hemonet.message;
