-- A void: the order's charge was cancelled before any was made, so a charge that arrives
-- later finds the order id taken and charges nothing. A void has no amount.
alter table payment drop constraint payment_status_check;
alter table payment add constraint payment_status_check
	check (status in ('APPROVED', 'DECLINED', 'REFUNDED', 'VOIDED'));
alter table payment alter column amount drop not null;
alter table payment alter column currency drop not null;
alter table payment add constraint payment_amount_unless_voided
	check ((status = 'VOIDED') = (amount is null) and (amount is null) = (currency is null));
