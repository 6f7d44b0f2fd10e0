package org.hemonet.reminder;

/** How a reminder reaches a person. */
public enum Channel {
    /** Listed in the app (the reminders page). */
    IN_APP,
    /** An e-mail saying only that there is a reminder (security.md §16). */
    EMAIL,
    /** A Web Push to the installed web app, with no payload: the device shows a fixed, content-free text. */
    WEB_PUSH
}
