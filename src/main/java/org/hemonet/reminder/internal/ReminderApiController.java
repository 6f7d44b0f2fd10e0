package org.hemonet.reminder.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hemonet.reminder.Channel;
import org.hemonet.reminder.Completeness;
import org.hemonet.reminder.NotificationPreferences;
import org.hemonet.reminder.NotificationPreferencesRequest;
import org.hemonet.reminder.ReminderOverview;
import org.hemonet.reminder.Reminders;
import org.hemonet.reminder.WebPush;
import org.hemonet.shared.CurrentActor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 16's reminder API (docs/api.md, docs/reminders.md): a patient's upcoming reminders with channel and time, the
 * signed-in patient's or parent's notification preferences, the diary completeness before and after reminders, and
 * Web Push subscriptions. Answers carry {@code Cache-Control: no-store}.
 */
@RestController
class ReminderApiController {

    private final Reminders reminders;
    private final WebPush push;
    private final CurrentActor currentActor;

    ReminderApiController(Reminders reminders, WebPush push, CurrentActor currentActor) {
        this.reminders = reminders;
        this.push = push;
        this.currentActor = currentActor;
    }

    /** The stored choice as the API shows it. */
    record PreferencesResponse(
            List<Channel> channels,
            @Nullable String quietHoursStart,
            @Nullable String quietHoursEnd,
            @Nullable String email,
            int pushSubscriptions,
            @Nullable Instant updatedAt) {

        static PreferencesResponse of(NotificationPreferences p) {
            return new PreferencesResponse(
                    p.channels().stream().sorted().toList(),
                    p.quietHours() == null ? null : p.quietHours().start().toString(),
                    p.quietHours() == null ? null : p.quietHours().end().toString(),
                    p.email(),
                    p.pushSubscriptions(),
                    p.updatedAt());
        }
    }

    record SubscriptionRequest(@Nullable String endpoint, @Nullable Map<String, String> keys) {}

    @GetMapping("/api/v1/patients/{id}/reminders")
    ResponseEntity<ReminderOverview> upcoming(
            @PathVariable UUID id, @RequestParam(name = "days", defaultValue = "7") int days) {
        return noStore(reminders.upcoming(currentActor.require(), id, days));
    }

    @GetMapping("/api/v1/patients/{id}/reminders/completeness")
    ResponseEntity<Completeness> completeness(
            @PathVariable UUID id, @RequestParam(name = "days", defaultValue = "28") int days) {
        return noStore(reminders.completeness(currentActor.require(), id, days));
    }

    @GetMapping("/api/v1/me/notification-preferences")
    ResponseEntity<PreferencesResponse> preferences() {
        return noStore(PreferencesResponse.of(reminders.preferences(currentActor.require())));
    }

    @PutMapping("/api/v1/me/notification-preferences")
    ResponseEntity<PreferencesResponse> save(@RequestBody NotificationPreferencesRequest request) {
        return noStore(PreferencesResponse.of(reminders.save(currentActor.require(), request)));
    }

    @GetMapping("/api/v1/push/vapid-public-key")
    ResponseEntity<Map<String, String>> vapidPublicKey() {
        return noStore(Map.of("publicKey", push.publicKey()));
    }

    @PostMapping("/api/v1/me/push-subscriptions")
    ResponseEntity<Map<String, String>> subscribe(@RequestBody SubscriptionRequest request) {
        Map<String, String> keys = request.keys() == null ? Map.of() : request.keys();
        push.subscribe(currentActor.require(), request.endpoint(), keys.get("p256dh"), keys.get("auth"));
        return ResponseEntity.status(201)
                .cacheControl(CacheControl.noStore())
                .body(Map.of("endpoint", request.endpoint() == null ? "" : request.endpoint()));
    }

    @PostMapping("/api/v1/me/push-subscriptions/withdrawal")
    ResponseEntity<Void> withdraw(@RequestBody SubscriptionRequest request) {
        push.withdraw(currentActor.require(), request.endpoint());
        return ResponseEntity.noContent().build();
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
