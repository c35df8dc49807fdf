-- What the customer was told and when the mail server took it. Every notification is an
-- email so far; the channel leaves room for others.
alter table notification
	add column channel varchar(16) not null default 'EMAIL',
	add column body    text,
	add column sent_at timestamptz;
