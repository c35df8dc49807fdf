-- The notification table becomes the email outbox. A notification is recorded PENDING when
-- its event is read, and the Kafka offset moves on; a scheduled sender takes the due ones
-- (FOR UPDATE SKIP LOCKED, so that several instances share them), sends them and marks
-- them SENT, or tries again later with a back-off. The email is kept whole (its HTML too)
-- so that it can be sent long after the event was read.
alter table notification
	add column html            text,
	add column status          varchar(16) not null default 'SENT',
	add column attempts        integer     not null default 0,
	add column next_attempt_at timestamptz,
	add column last_error      varchar(500),
	-- The W3C traceparent of the event's consumption: sending continues that trace.
	add column traceparent     varchar(55);

-- Every notification recorded so far was sent in the transaction that recorded it. New
-- ones always say what they are.
alter table notification alter column status drop default;

alter table notification
	add constraint notification_status_check check (status in ('PENDING', 'SENT', 'UNDELIVERABLE')),
	add constraint notification_pending_check check (
		status <> 'PENDING' or (next_attempt_at is not null and body is not null and html is not null));

-- What the sender looks for, and only that: sent notifications leave the index.
create index notification_pending_idx on notification (next_attempt_at) where status = 'PENDING';

-- The dead letters an operator replayed: a replay of everything skips these, and the
-- listing shows when each was replayed. One row per position in the dead-letter topic.
create table dead_letter_replay (
	id                    uuid         primary key,
	topic                 varchar(249) not null,
	dlt_partition         integer      not null,
	dlt_offset            bigint       not null,
	event_id              varchar(100),
	replayed_at           timestamptz  not null,
	-- Where the record went back to on the order events topic.
	republished_partition integer,
	republished_offset    bigint,
	constraint dead_letter_replay_position_key unique (topic, dlt_partition, dlt_offset)
);
