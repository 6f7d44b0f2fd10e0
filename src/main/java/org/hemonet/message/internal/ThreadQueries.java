package org.hemonet.message.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hemonet.message.AttachmentFile;
import org.hemonet.message.ThreadAttachment;
import org.hemonet.message.ThreadFilter;
import org.hemonet.message.ThreadSide;
import org.hemonet.message.ThreadStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of secure messaging (threads, their messages and attachments). Rows are never deleted. */
@Repository
public class ThreadQueries {

    /** A thread as stored. */
    public record ThreadRow(
            UUID id,
            UUID patientId,
            UUID centreId,
            String subject,
            ThreadStatus status,
            @Nullable UUID assignedTo,
            Instant createdAt,
            Instant lastMessageAt,
            @Nullable Instant doneAt) {}

    /** A thread in a list, with the messages of the other side its reader's side has not opened. */
    public record ListedThread(ThreadRow thread, int unread) {}

    /** A message as stored, with its author's account (for staff names) and attachment. */
    public record PostRow(
            UUID id,
            ThreadSide side,
            UUID authorId,
            String authorName,
            @Nullable String body,
            @Nullable ThreadAttachment attachment,
            Instant createdAt,
            @Nullable Instant readAt) {}

    private static final String THREAD =
            """
            select t.id, t.patient_id, t.centre_id, t.subject, t.status, t.assigned_to, t.created_at,
                   t.last_message_at, t.done_at
            from message.thread t
            """;

    private final JdbcClient jdbc;

    ThreadQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertThread(UUID id, UUID patientId, UUID centreId, String subject, UUID createdBy, Instant at) {
        jdbc.sql(
                        """
                        insert into message.thread (id, patient_id, centre_id, subject, status, created_by, created_at,
                            last_message_at)
                        values (:id, :patient, :centre, :subject, 'OPEN', :by, :at, :at)
                        """)
                .param("id", id)
                .param("patient", patientId)
                .param("centre", centreId)
                .param("subject", subject)
                .param("by", createdBy)
                .param("at", utc(at))
                .update();
    }

    public Optional<ThreadRow> find(UUID id) {
        return jdbc.sql(THREAD + " where t.id = :id")
                .param("id", id)
                .query(ThreadQueries::thread)
                .optional();
    }

    /** The threads about these patients (a patient's or parent's), newest activity first. */
    public List<ListedThread> ofPatients(Collection<UUID> patientIds, int limit) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select t.id, t.patient_id, t.centre_id, t.subject, t.status, t.assigned_to, t.created_at,
                               t.last_message_at, t.done_at,
                               (select count(*) from message.thread_post p
                                where p.thread_id = t.id and p.side = 'TEAM' and p.read_at is null) as unread
                        from message.thread t where t.patient_id in (:ids)
                        order by t.last_message_at desc limit :n
                        """)
                .param("ids", patientIds)
                .param("n", limit)
                .query((rs, n) -> new ListedThread(thread(rs, n), rs.getInt("unread")))
                .list();
    }

    /** The team inbox of these centres, filtered, newest activity first. */
    public List<ListedThread> ofCentres(Collection<UUID> centreIds, ThreadFilter filter, UUID reader, int limit) {
        if (centreIds.isEmpty()) {
            return List.of();
        }
        String where =
                switch (filter) {
                    case OPEN -> "t.status = 'OPEN'";
                    case UNASSIGNED -> "t.status = 'OPEN' and t.assigned_to is null";
                    case MINE -> "t.status = 'OPEN' and t.assigned_to = :reader";
                    case DONE -> "t.status = 'DONE'";
                };
        return jdbc.sql(
                        """
                        select t.id, t.patient_id, t.centre_id, t.subject, t.status, t.assigned_to, t.created_at,
                               t.last_message_at, t.done_at,
                               (select count(*) from message.thread_post p
                                where p.thread_id = t.id and p.side = 'PATIENT' and p.read_at is null) as unread
                        from message.thread t where t.centre_id in (:ids) and """
                                + " " + where + " order by t.last_message_at desc limit :n")
                .param("ids", centreIds)
                .param("reader", reader)
                .param("n", limit)
                .query((rs, n) -> new ListedThread(thread(rs, n), rs.getInt("unread")))
                .list();
    }

    /** Messages the patient's side has not opened, over these patients' threads. */
    public int unreadByPatients(Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql(
                        """
                        select count(*) from message.thread_post p join message.thread t on t.id = p.thread_id
                        where t.patient_id in (:ids) and p.side = 'TEAM' and p.read_at is null
                        """)
                .param("ids", patientIds)
                .query(Integer.class)
                .single();
    }

    /** Messages the team has not opened, over these centres' threads. */
    public int unreadByCentres(Collection<UUID> centreIds) {
        if (centreIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql(
                        """
                        select count(*) from message.thread_post p join message.thread t on t.id = p.thread_id
                        where t.centre_id in (:ids) and p.side = 'PATIENT' and p.read_at is null
                        """)
                .param("ids", centreIds)
                .query(Integer.class)
                .single();
    }

    public void insertAttachment(
            UUID id, UUID threadId, String fileName, String contentType, byte[] bytes, Instant at) {
        jdbc.sql(
                        """
                        insert into message.thread_attachment (id, thread_id, file_name, content_type, size_bytes,
                            bytes, created_at)
                        values (:id, :thread, :name, :type, :size, :bytes, :at)
                        """)
                .param("id", id)
                .param("thread", threadId)
                .param("name", fileName)
                .param("type", contentType)
                .param("size", bytes.length)
                .param("bytes", bytes)
                .param("at", utc(at))
                .update();
    }

    public void insertPost(
            UUID id,
            UUID threadId,
            ThreadSide side,
            UUID authorId,
            String authorName,
            @Nullable String body,
            @Nullable UUID attachmentId,
            Instant at) {
        jdbc.sql(
                        """
                        insert into message.thread_post (id, thread_id, side, author_id, author_name, body,
                            attachment_id, created_at)
                        values (:id, :thread, :side, :author, :name, :body, :attachment, :at)
                        """)
                .param("id", id)
                .param("thread", threadId)
                .param("side", side.name())
                .param("author", authorId)
                .param("name", authorName)
                .param("body", body)
                .param("attachment", attachmentId)
                .param("at", utc(at))
                .update();
    }

    /** After a message: the thread's latest activity, and a message of the patient's side reopens a done thread. */
    public void touch(UUID threadId, ThreadSide side, Instant at) {
        jdbc.sql(
                        """
                        update message.thread set last_message_at = :at,
                            status = case when :patient then 'OPEN' else status end,
                            done_at = case when :patient then null else done_at end,
                            done_by = case when :patient then null else done_by end
                        where id = :id
                        """)
                .param("at", utc(at))
                .param("patient", side == ThreadSide.PATIENT)
                .param("id", threadId)
                .update();
    }

    /** The reader's side opened the thread: the other side's unread messages are read now (their read receipts). */
    public void markRead(UUID threadId, ThreadSide readerSide, UUID reader, Instant at) {
        jdbc.sql(
                        """
                        update message.thread_post set read_at = :at, read_by = :reader
                        where thread_id = :thread and side = :side and read_at is null
                        """)
                .param("at", utc(at))
                .param("reader", reader)
                .param("thread", threadId)
                .param("side", readerSide.other().name())
                .update();
    }

    public void assign(UUID threadId, @Nullable UUID accountId) {
        jdbc.sql("update message.thread set assigned_to = :account where id = :id")
                .param("account", accountId)
                .param("id", threadId)
                .update();
    }

    public void markDone(UUID threadId, UUID by, Instant at) {
        jdbc.sql(
                        """
                        update message.thread set status = 'DONE', done_at = :at, done_by = :by
                        where id = :id and status = 'OPEN'
                        """)
                .param("at", utc(at))
                .param("by", by)
                .param("id", threadId)
                .update();
    }

    public List<PostRow> posts(UUID threadId) {
        return jdbc.sql(
                        """
                        select p.id, p.side, p.author_id, p.author_name, p.body, p.created_at, p.read_at,
                               a.id as attachment_id, a.file_name, a.content_type, a.size_bytes
                        from message.thread_post p
                        left join message.thread_attachment a on a.id = p.attachment_id
                        where p.thread_id = :thread order by p.created_at, p.id
                        """)
                .param("thread", threadId)
                .query((rs, n) -> {
                    UUID attachmentId = rs.getObject("attachment_id", UUID.class);
                    return new PostRow(
                            rs.getObject("id", UUID.class),
                            ThreadSide.valueOf(rs.getString("side")),
                            rs.getObject("author_id", UUID.class),
                            rs.getString("author_name"),
                            rs.getString("body"),
                            attachmentId == null
                                    ? null
                                    : new ThreadAttachment(
                                            attachmentId,
                                            rs.getString("file_name"),
                                            rs.getString("content_type"),
                                            rs.getInt("size_bytes")),
                            instant(rs, "created_at"),
                            nullableInstant(rs, "read_at"));
                })
                .list();
    }

    public Optional<AttachmentFile> attachment(UUID threadId, UUID attachmentId) {
        return jdbc.sql(
                        """
                        select file_name, content_type, bytes from message.thread_attachment
                        where id = :id and thread_id = :thread
                        """)
                .param("id", attachmentId)
                .param("thread", threadId)
                .query((rs, n) -> new AttachmentFile(
                        rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("bytes")))
                .optional();
    }

    private static ThreadRow thread(ResultSet rs, int n) throws SQLException {
        return new ThreadRow(
                rs.getObject("id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getObject("centre_id", UUID.class),
                rs.getString("subject"),
                ThreadStatus.valueOf(rs.getString("status")),
                rs.getObject("assigned_to", UUID.class),
                instant(rs, "created_at"),
                instant(rs, "last_message_at"),
                nullableInstant(rs, "done_at"));
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Instant at = nullableInstant(rs, column);
        return at == null ? Instant.EPOCH : at;
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
