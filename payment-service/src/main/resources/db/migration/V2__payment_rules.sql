-- The rules the application keeps, kept by the database too: nothing it refuses can be
-- stored by another path.
alter table payment
	add constraint payment_order_id_format check (order_id ~ '^[A-Za-z0-9-]{1,64}$'),
	add constraint payment_currency_format check (currency ~ '^[A-Z]{3}$'),
	add constraint payment_amount_at_most_one_million check (amount <= 1000000),
	add constraint payment_decline_reason_known
		check (decline_reason in ('CARD_DECLINED', 'INSUFFICIENT_FUNDS', 'SUSPECTED_FRAUD')),
	-- A declined payment says why; an approved or refunded one has no decline reason.
	add constraint payment_declined_has_reason check ((status = 'DECLINED') = (decline_reason is not null));
