-- The saga's states: each step is stored before the next call, so a restarted service
-- knows where every order stood.
alter table orders drop constraint orders_status_check;
alter table orders add constraint orders_status_check
	check (status in ('PENDING', 'STOCK_RESERVED', 'PAYMENT_UNKNOWN', 'PAID', 'PROCESSED', 'FAILED'));
alter table orders add column payment_id uuid;
-- Optimistic locking: the saga and the recovery job never both move the same order.
alter table orders add column version bigint not null default 0;
-- A failed order whose payment outcome was never learned: checked later and refunded if
-- the charge did go through.
alter table orders add column payment_unresolved boolean not null default false;

create index orders_unsettled_idx on orders (updated_at) where status not in ('PROCESSED', 'FAILED');

-- Idempotency-Key of POST /api/orders: the first response is kept and replayed.
create table idempotency_key (
	key             varchar(255) primary key,
	request_hash    varchar(64)  not null,
	order_id        uuid,
	response_status integer,
	response_body   text,
	created_at      timestamptz  not null,
	completed_at    timestamptz
);

-- The transactional outbox: Spring Modulith's event publication registry (JDBC, schema v2).
create table event_publication (
	id                     uuid                     not null primary key,
	listener_id            text                     not null,
	event_type             text                     not null,
	serialized_event       text                     not null,
	publication_date       timestamp with time zone not null,
	completion_date        timestamp with time zone,
	status                 text,
	completion_attempts    integer,
	last_resubmission_date timestamp with time zone
);

create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
