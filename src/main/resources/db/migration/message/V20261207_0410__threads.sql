-- Secure messaging (issue 16): conversations between a patient's record (the patient, or a parent for each child)
-- and the centre team that cares for it. A thread is about one patient and belongs to one centre's team inbox; staff
-- assign it to a colleague and mark it done, and a patient's new message reopens it. Each post is read by "the other
-- side" as a whole (the team's shared inbox, or every holder of the record): its read_at is the read receipt.
-- Attachments (JPEG, PNG without their metadata, PDF as sent) are kept in the database. Nothing is ever deleted.
create table message.thread (
    id uuid primary key,
    patient_id uuid not null,
    centre_id uuid not null,
    subject text not null check (length(subject) between 1 and 200),
    status text not null check (status in ('OPEN', 'DONE')),
    assigned_to uuid,
    created_by uuid not null,
    created_at timestamptz not null,
    last_message_at timestamptz not null,
    done_at timestamptz,
    done_by uuid
);
create index thread_by_centre on message.thread (centre_id, last_message_at desc);
create index thread_by_patient on message.thread (patient_id, last_message_at desc);

create table message.thread_attachment (
    id uuid primary key,
    thread_id uuid not null references message.thread (id),
    file_name text not null check (length(file_name) between 1 and 200),
    content_type text not null check (content_type in ('image/jpeg', 'image/png', 'application/pdf')),
    size_bytes integer not null check (size_bytes between 1 and 10485760),
    bytes bytea not null,
    created_at timestamptz not null
);

create table message.thread_post (
    id uuid primary key,
    thread_id uuid not null references message.thread (id),
    side text not null check (side in ('PATIENT', 'TEAM')),
    author_id uuid not null,
    author_name text not null,
    body text check (length(body) between 1 and 5000),
    attachment_id uuid references message.thread_attachment (id),
    created_at timestamptz not null,
    read_at timestamptz,
    read_by uuid,
    check (body is not null or attachment_id is not null)
);
create index thread_post_by_thread on message.thread_post (thread_id, created_at);
create index thread_post_unread on message.thread_post (thread_id, side) where read_at is null;

-- the outbox also announces thread posts: one e-mail per post and address, with no content of the post
alter table message.outbox add column thread_post_id uuid references message.thread_post (id);
create unique index outbox_once_per_post on message.outbox (thread_post_id, to_address)
    where thread_post_id is not null;

grant select, insert, update on message.thread, message.thread_attachment, message.thread_post to ${app_role};
