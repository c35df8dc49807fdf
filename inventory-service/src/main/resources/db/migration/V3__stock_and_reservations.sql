-- Stock per product. The checks make overselling impossible even for a statement that
-- forgets to test the quantity first: no count may ever go below zero.
create table stock (
	sku       varchar(64) primary key references product (sku),
	available integer not null check (available >= 0),
	reserved  integer not null check (reserved >= 0),
	sold      integer not null check (sold >= 0)
);

insert into stock (sku, available, reserved, sold)
select sku,
       case sku
           when 'KB-0001' then 40 when 'MS-0002' then 60 when 'MN-0003' then 8
           when 'HP-0004' then 15 when 'SP-0005' then 30 when 'EB-0006' then 25
           when 'CF-0007' then 20 when 'KN-0008' then 12 when 'PN-0009' then 18
           when 'BK-0010' then 35 when 'BK-0011' then 30 else 22
       end,
       0, 0
from product;

-- Stock held for an order until the order commits or releases it, or it expires.
create table reservation (
	order_id   varchar(64) primary key,
	status     varchar(16)    not null check (status in ('RESERVED', 'COMMITTED', 'RELEASED', 'EXPIRED')),
	total      numeric(19, 4) not null check (total > 0),
	currency   varchar(3)     not null,
	created_at timestamptz    not null,
	updated_at timestamptz    not null,
	expires_at timestamptz    not null
);

create index reservation_open_by_expiry_idx on reservation (expires_at) where status = 'RESERVED';

create table reservation_line (
	order_id   varchar(64)    not null references reservation (order_id),
	line_no    integer        not null,
	sku        varchar(64)    not null references product (sku),
	quantity   integer        not null check (quantity > 0),
	unit_price numeric(19, 4) not null check (unit_price > 0),
	primary key (order_id, line_no)
);
