package org.hemonet.reminder;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reminder module's SQL (schema {@code reminder}). */
@Repository
class ReminderQueries {

    /** An account's stored choice. */
    record PreferenceRow(
            UUID accountId,
            Set<Channel> channels,
            @Nullable LocalTime quietStart,
            @Nullable LocalTime quietEnd,
            Instant updatedAt) {

        @Nullable
        QuietHours quietHours() {
            return quietStart == null || quietEnd == null ? null : new QuietHours(quietStart, quietEnd);
        }
    }

    /** One delivery in the outbox. */
    record Delivery(
            UUID id,
            UUID patientId,
            UUID accountId,
            String kind,
            Instant dueAt,
            Channel channel,
            Instant deliverAt,
            @Nullable String link,
            String status,
            int attempts,
            @Nullable Instant sentAt) {}

    /** A browser subscribed to Web Push. */
    record Subscription(String endpoint, UUID accountId) {}

    private final JdbcClient jdbc;

    ReminderQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PreferenceRow> preference(UUID accountId) {
        return preferences(List.of(accountId)).stream().findFirst();
    }

    List<PreferenceRow> preferences(Collection<UUID> accountIds) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select account_id, channels, quiet_start, quiet_end, updated_at from reminder.preference
                        where account_id in (:ids)
                        """)
                .param("ids", accountIds)
                .query((rs, n) -> new PreferenceRow(
                        rs.getObject("account_id", UUID.class),
                        channels(rs.getArray("channels")),
                        rs.getObject("quiet_start", LocalTime.class),
                        rs.getObject("quiet_end", LocalTime.class),
                        instant(rs, "updated_at")))
                .list();
    }

    void savePreference(UUID accountId, Set<Channel> channels, @Nullable QuietHours quiet, Instant at) {
        jdbc.sql(
                        """
                        insert into reminder.preference (account_id, channels, quiet_start, quiet_end, updated_at)
                        values (:id, string_to_array(:channels, ','), :qs, :qe, :at)
                        on conflict (account_id) do update set channels = excluded.channels,
                            quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end,
                            updated_at = excluded.updated_at
                        """)
                .param("id", accountId)
                .param(
                        "channels",
                        String.join(
                                ",", channels.stream().map(Enum::name).sorted().toList()))
                .param("qs", quiet == null ? null : quiet.start())
                .param("qe", quiet == null ? null : quiet.end())
                .param("at", utc(at))
                .update();
    }

    /** Records the first switch-on of reminders for a patient; later ones change nothing. */
    void switchOn(UUID patientId, UUID accountId, Instant at) {
        jdbc.sql(
                        """
                        insert into reminder.switch_on (patient_id, account_id, switched_on_at) values (:p, :a, :at)
                        on conflict (patient_id) do nothing
                        """)
                .param("p", patientId)
                .param("a", accountId)
                .param("at", utc(at))
                .update();
    }

    Optional<Instant> switchedOn(UUID patientId) {
        return jdbc.sql("select switched_on_at from reminder.switch_on where patient_id = :p")
                .param("p", patientId)
                .query((rs, n) -> instant(rs, "switched_on_at"))
                .optional();
    }

    /** Patients for whom some account switched reminders on, with when. */
    List<UUID> switchedOnPatients() {
        return jdbc.sql("select patient_id from reminder.switch_on order by patient_id")
                .query(UUID.class)
                .list();
    }

    /** Queues one delivery; false when it was queued before (the unique key says so). */
    boolean enqueue(
            UUID patientId,
            UUID accountId,
            String kind,
            Instant dueAt,
            Channel channel,
            Instant deliverAt,
            @Nullable String link,
            Instant now) {
        return jdbc.sql(
                                """
                        insert into reminder.outbox (id, patient_id, account_id, kind, due_at, channel, deliver_at,
                            link, status, created_at)
                        values (:id, :p, :a, :kind, :due, :channel, :deliver, :link, 'PENDING', :now)
                        on conflict (patient_id, kind, due_at, channel, account_id) do nothing
                        """)
                        .param("id", UUID.randomUUID())
                        .param("p", patientId)
                        .param("a", accountId)
                        .param("kind", kind)
                        .param("due", utc(dueAt))
                        .param("channel", channel.name())
                        .param("deliver", utc(deliverAt))
                        .param("link", link)
                        .param("now", utc(now))
                        .update()
                > 0;
    }

    /** Locks up to {@code limit} deliveries due now; rows another node is delivering are skipped. */
    List<Delivery> claimDue(Instant now, int limit) {
        return jdbc.sql(
                        """
                        select * from reminder.outbox where status = 'PENDING' and deliver_at <= :now
                        order by deliver_at limit :n for update skip locked
                        """)
                .param("now", utc(now))
                .param("n", limit)
                .query((rs, n) -> delivery(rs))
                .list();
    }

    void markSent(UUID id, Instant at, String node) {
        jdbc.sql(
                        """
                        update reminder.outbox set status = 'SENT', attempts = attempts + 1, sent_at = :at,
                            sent_by = :node, last_error = null
                        where id = :id and status = 'PENDING'
                        """)
                .param("at", utc(at))
                .param("node", node)
                .param("id", id)
                .update();
    }

    void markFailed(UUID id, String error, boolean giveUp, Instant retryAt) {
        jdbc.sql(
                        """
                        update reminder.outbox set attempts = attempts + 1, last_error = :error,
                            status = case when :giveUp then 'FAILED' else 'PENDING' end, deliver_at = :retry
                        where id = :id
                        """)
                .param("error", error.length() > 300 ? error.substring(0, 300) : error)
                .param("giveUp", giveUp)
                .param("retry", utc(retryAt))
                .param("id", id)
                .update();
    }

    /** The patient's deliveries due from {@code since}, newest first (the page's "recent reminders"). */
    List<Delivery> deliveriesOf(UUID patientId, Instant since, int limit) {
        return jdbc.sql(
                        """
                        select * from reminder.outbox where patient_id = :p and due_at >= :since
                        order by due_at desc, channel limit :n
                        """)
                .param("p", patientId)
                .param("since", utc(since))
                .param("n", limit)
                .query((rs, n) -> delivery(rs))
                .list();
    }

    Optional<String[]> vapidKey() {
        return jdbc.sql("select public_key, private_key from reminder.vapid_key where id = 1")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional();
    }

    /** Stores the key pair unless another node stored one first. */
    void insertVapidKey(String publicKey, String privateKey, Instant at) {
        jdbc.sql(
                        """
                        insert into reminder.vapid_key (id, public_key, private_key, created_at)
                        values (1, :pub, :priv, :at) on conflict (id) do nothing
                        """)
                .param("pub", publicKey)
                .param("priv", privateKey)
                .param("at", utc(at))
                .update();
    }

    void subscribe(String endpoint, UUID accountId, @Nullable String p256dh, @Nullable String auth, Instant at) {
        jdbc.sql(
                        """
                        insert into reminder.push_subscription (endpoint, account_id, p256dh, auth, created_at)
                        values (:e, :a, :k, :auth, :at)
                        on conflict (endpoint) do update set account_id = excluded.account_id, p256dh = excluded.p256dh,
                            auth = excluded.auth, created_at = excluded.created_at, withdrawn_at = null
                        """)
                .param("e", endpoint)
                .param("a", accountId)
                .param("k", p256dh)
                .param("auth", auth)
                .param("at", utc(at))
                .update();
    }

    void withdrawSubscription(String endpoint, Instant at) {
        jdbc.sql(
                        "update reminder.push_subscription set withdrawn_at = :at where endpoint = :e and withdrawn_at is null")
                .param("e", endpoint)
                .param("at", utc(at))
                .update();
    }

    List<Subscription> subscriptionsOf(UUID accountId) {
        return jdbc.sql(
                        """
                        select endpoint, account_id from reminder.push_subscription
                        where account_id = :a and withdrawn_at is null order by created_at
                        """)
                .param("a", accountId)
                .query((rs, n) -> new Subscription(rs.getString(1), rs.getObject(2, UUID.class)))
                .list();
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        return new Delivery(
                rs.getObject("id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getObject("account_id", UUID.class),
                rs.getString("kind"),
                instant(rs, "due_at"),
                Channel.valueOf(rs.getString("channel")),
                instant(rs, "deliver_at"),
                rs.getString("link"),
                rs.getString("status"),
                rs.getInt("attempts"),
                rs.getObject("sent_at") == null ? null : instant(rs, "sent_at"));
    }

    private static Set<Channel> channels(Array array) throws SQLException {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (Object value : (Object[]) array.getArray()) {
            channels.add(Channel.valueOf(value.toString()));
        }
        return channels;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
