package org.hemonet.reminder;

/**
 * The only words a reminder sends outside the app (security.md §16, issue 16): that there is a reminder and where to
 * see it. Never the patient's name, diagnosis, product, dose or the kind of reminder; the app shows those after sign-in.
 */
final class ReminderTexts {

    static final String SUBJECT = "Hemonet: you have a reminder from your centre";
    static final String PUSH_TITLE = "Hemonet";
    static final String PUSH_BODY = "You have a reminder from your centre";

    private ReminderTexts() {}

    static String mailBody(String baseUrl) {
        return "You have a reminder from your centre.\n\nPlease sign in to see it:\n" + baseUrl + "/reminders\n\n"
                + "For your privacy this e-mail does not say what the reminder is about."
                + " To change how and when reminders reach you, open the same page.\n\nHemonet\n";
    }
}
