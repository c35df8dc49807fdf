create table payment (
	id             uuid primary key,
	-- One payment per order: charging is idempotent on the order id.
	order_id       varchar(64)    not null unique,
	amount         numeric(19, 4) not null check (amount > 0),
	currency       varchar(3)     not null,
	status         varchar(20)    not null check (status in ('APPROVED', 'DECLINED', 'REFUNDED')),
	decline_reason varchar(200),
	created_at     timestamptz    not null,
	updated_at     timestamptz    not null
);
