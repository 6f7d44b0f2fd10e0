/**
 * Messages between patients and their centre, and the e-mail outbox that tells people a message is waiting. Other
 * modules send one-way notices (recalls) through {@link org.hemonet.message.Messages}; an acknowledgement is published
 * as {@link org.hemonet.message.MessageAcknowledged}. Secure messaging (issue 16) — conversations between a patient's
 * record and its centre team, with a team inbox, assignment, read receipts and attachments — is
 * {@link org.hemonet.message.Threads}; its storage and web adapters live in {@code internal}. Depends on nothing that
 * depends on it: supply, for batch recalls, calls it and listens to its events.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "patient", "centre", "audit"})
@org.jspecify.annotations.NullMarked
package org.hemonet.message;
