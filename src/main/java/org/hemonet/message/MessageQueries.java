package org.hemonet.message;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the message module. */
@Repository
class MessageQueries {

    private static final String SELECT =
            """
            select id, recipient_kind, recipient_id, kind, reference, subject, body, link, created_at, read_at,
                   acknowledged_at, acknowledged_by_name
            from message.message
            """;

    /** An e-mail waiting in the outbox. */
    record OutboxMail(UUID id, String to, String subject, String body, int attempts) {}

    private final JdbcClient jdbc;

    MessageQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the message unless the recipient already has one of this kind and reference; its id when inserted. */
    Optional<UUID> insert(UUID id, NewMessage m, Instant at) {
        return jdbc.sql(
                        """
                        insert into message.message (id, recipient_kind, recipient_id, kind, reference, subject, body,
                            link, created_at)
                        values (:id, :rkind, :rid, :kind, :reference, :subject, :body, :link, :at)
                        on conflict (recipient_kind, recipient_id, kind, reference) do nothing
                        returning id
                        """)
                .param("id", id)
                .param("rkind", m.recipient().kind().name())
                .param("rid", m.recipient().id())
                .param("kind", m.kind().name())
                .param("reference", m.reference())
                .param("subject", m.subject())
                .param("body", m.body())
                .param("link", m.link())
                .param("at", utc(at))
                .query(UUID.class)
                .optional();
    }

    Optional<Message> find(UUID id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(MessageQueries::message)
                .optional();
    }

    Optional<Message> find(Recipient recipient, MessageKind kind, String reference) {
        return jdbc.sql(SELECT + " where recipient_kind = :rkind and recipient_id = :rid and kind = :kind"
                        + " and reference = :reference")
                .param("rkind", recipient.kind().name())
                .param("rid", recipient.id())
                .param("kind", kind.name())
                .param("reference", reference)
                .query(MessageQueries::message)
                .optional();
    }

    /** The messages of these recipients, newest first. */
    List<Message> inbox(Recipient.Kind kind, Collection<UUID> recipientIds, int limit) {
        if (recipientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT
                        + " where recipient_kind = :rkind and recipient_id in (:ids) order by created_at desc limit :n")
                .param("rkind", kind.name())
                .param("ids", recipientIds)
                .param("n", limit)
                .query(MessageQueries::message)
                .list();
    }

    int unread(Recipient.Kind kind, Collection<UUID> recipientIds) {
        if (recipientIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql(
                        """
                        select count(*) from message.message
                        where recipient_kind = :rkind and recipient_id in (:ids) and read_at is null
                        """)
                .param("rkind", kind.name())
                .param("ids", recipientIds)
                .query(Integer.class)
                .single();
    }

    void markRead(UUID id, UUID by, Instant at) {
        jdbc.sql("update message.message set read_at = :at, read_by = :by where id = :id and read_at is null")
                .param("at", utc(at))
                .param("by", by)
                .param("id", id)
                .update();
    }

    /** Records the acknowledgement; false when the message was acknowledged already. */
    boolean acknowledge(UUID id, UUID by, String name, String role, Instant at) {
        return jdbc.sql(
                                """
                        update message.message set acknowledged_at = :at, acknowledged_by = :by,
                            acknowledged_by_name = :name, acknowledged_by_role = :role,
                            read_at = coalesce(read_at, :at), read_by = coalesce(read_by, :by)
                        where id = :id and acknowledged_at is null
                        """)
                        .param("at", utc(at))
                        .param("by", by)
                        .param("name", name)
                        .param("role", role)
                        .param("id", id)
                        .update()
                == 1;
    }

    Optional<String> mailAddress(String ownerKind, UUID ownerId) {
        return jdbc.sql("select address from message.mail_address where owner_kind = :k and owner_id = :id")
                .param("k", ownerKind)
                .param("id", ownerId)
                .query(String.class)
                .optional();
    }

    void setMailAddress(String ownerKind, UUID ownerId, String address, Instant at) {
        jdbc.sql(
                        """
                        insert into message.mail_address (owner_kind, owner_id, address, updated_at)
                        values (:k, :id, :address, :at)
                        on conflict (owner_kind, owner_id) do update set address = excluded.address,
                            updated_at = excluded.updated_at
                        """)
                .param("k", ownerKind)
                .param("id", ownerId)
                .param("address", address)
                .param("at", utc(at))
                .update();
    }

    void enqueue(UUID messageId, String to, String subject, String body, Instant at) {
        jdbc.sql(
                        """
                        insert into message.outbox (id, message_id, to_address, subject, body, status, created_at,
                            next_attempt_at)
                        values (:id, :message, :to, :subject, :body, 'PENDING', :at, :at)
                        on conflict (message_id, to_address) do nothing
                        """)
                .param("id", UUID.randomUUID())
                .param("message", messageId)
                .param("to", to)
                .param("subject", subject)
                .param("body", body)
                .param("at", utc(at))
                .update();
    }

    /** Queues an e-mail that belongs to no message (a reminder notice); its sender guarantees it is queued once. */
    void enqueueNotice(String to, String subject, String body, Instant at) {
        jdbc.sql(
                        """
                        insert into message.outbox (id, to_address, subject, body, status, created_at, next_attempt_at)
                        values (:id, :to, :subject, :body, 'PENDING', :at, :at)
                        """)
                .param("id", UUID.randomUUID())
                .param("to", to)
                .param("subject", subject)
                .param("body", body)
                .param("at", utc(at))
                .update();
    }

    /** Queues the e-mail announcing a thread's message; once per message and address. */
    void enqueueForThreadPost(UUID postId, String to, String subject, String body, Instant at) {
        jdbc.sql(
                        """
                        insert into message.outbox (id, thread_post_id, to_address, subject, body, status, created_at,
                            next_attempt_at)
                        values (:id, :post, :to, :subject, :body, 'PENDING', :at, :at)
                        on conflict (thread_post_id, to_address) where thread_post_id is not null do nothing
                        """)
                .param("id", UUID.randomUUID())
                .param("post", postId)
                .param("to", to)
                .param("subject", subject)
                .param("body", body)
                .param("at", utc(at))
                .update();
    }

    /** Locks up to {@code limit} e-mails due now; rows another node is sending are skipped. */
    List<OutboxMail> claimDue(Instant now, int limit) {
        return jdbc.sql(
                        """
                        select id, to_address, subject, body, attempts from message.outbox
                        where status = 'PENDING' and next_attempt_at <= :now
                        order by next_attempt_at limit :n for update skip locked
                        """)
                .param("now", utc(now))
                .param("n", limit)
                .query((rs, n) -> new OutboxMail(
                        rs.getObject("id", UUID.class),
                        rs.getString("to_address"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getInt("attempts")))
                .list();
    }

    void markSent(UUID id, Instant at) {
        jdbc.sql(
                        """
                        update message.outbox set status = 'SENT', attempts = attempts + 1, sent_at = :at,
                            last_error = null
                        where id = :id
                        """)
                .param("at", utc(at))
                .param("id", id)
                .update();
    }

    void markFailed(UUID id, String error, boolean giveUp, Instant retryAt) {
        jdbc.sql(
                        """
                        update message.outbox set attempts = attempts + 1, last_error = :error,
                            status = case when :giveUp then 'FAILED' else 'PENDING' end, next_attempt_at = :retry
                        where id = :id
                        """)
                .param("error", error.length() > 500 ? error.substring(0, 500) : error)
                .param("giveUp", giveUp)
                .param("retry", utc(retryAt))
                .param("id", id)
                .update();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Message message(ResultSet rs, int n) throws SQLException {
        Instant created = instant(rs, "created_at");
        return new Message(
                rs.getObject("id", UUID.class),
                new Recipient(
                        Recipient.Kind.valueOf(rs.getString("recipient_kind")),
                        rs.getObject("recipient_id", UUID.class)),
                MessageKind.valueOf(rs.getString("kind")),
                rs.getString("reference"),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getString("link"),
                created == null ? Instant.EPOCH : created,
                instant(rs, "read_at"),
                instant(rs, "acknowledged_at"),
                rs.getString("acknowledged_by_name"));
    }
}
