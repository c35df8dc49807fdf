create table orders (
	id             uuid primary key,
	customer_id    varchar(100)   not null,
	email          varchar(320)   not null,
	status         varchar(20)    not null
		check (status in ('PENDING', 'PAYMENT_UNKNOWN', 'PROCESSED', 'FAILED')),
	failure_reason varchar(64),
	failure_detail varchar(2000),
	total          numeric(19, 4),
	currency       varchar(3),
	created_at     timestamptz    not null,
	updated_at     timestamptz    not null,
	-- A total means nothing without its currency, and the other way round.
	check ((total is null) = (currency is null))
);

-- A customer's orders, newest first.
create index orders_customer_idx on orders (customer_id, created_at desc);

create table order_line (
	order_id   uuid           not null references orders (id),
	line_no    int            not null,
	sku        varchar(64)    not null,
	quantity   int            not null check (quantity > 0),
	unit_price numeric(19, 4),
	primary key (order_id, line_no)
);
