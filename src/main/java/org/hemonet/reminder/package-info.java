/**
 * Reminders (issue 16): prophylaxis doses, stock running low and whatever else other modules announce through the
 * {@link org.hemonet.reminder.ReminderSource} SPI, delivered in-app, by e-mail or by Web Push as each patient or parent
 * chose, never inside their quiet hours, through a durable outbox so that a restart never sends twice or loses one and
 * two application nodes never both send. E-mails and pushes carry no clinical detail (security.md §16). The centre sees
 * each patient's diary completeness before and after reminders were switched on. {@link org.hemonet.reminder.Reminders}
 * is the module's API; storage and web adapters live in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "patient", "audit", "supply", "product", "outcome", "message"})
@org.jspecify.annotations.NullMarked
package org.hemonet.reminder;
