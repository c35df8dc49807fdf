create table notification (
	id         uuid primary key,
	-- The event's ce_id: a redelivered event finds its notification already there.
	event_id   varchar(100) not null unique,
	order_id   varchar(64)  not null,
	event_type varchar(64)  not null,
	recipient  varchar(320) not null,
	subject    varchar(300) not null,
	created_at timestamptz  not null
);

create index notification_order_idx on notification (order_id);
