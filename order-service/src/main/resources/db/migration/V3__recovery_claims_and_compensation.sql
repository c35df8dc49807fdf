-- The recovery job claims an order before it works on it, so several order-service
-- instances never take over the same order at once.
alter table orders add column claimed_until timestamptz;
-- A failed order whose stock may still be held: released by the recovery job if the
-- saga could not release it itself.
alter table orders add column stock_release_pending boolean not null default false;

drop index orders_unsettled_idx;
create index orders_recovery_idx on orders (updated_at)
	where status not in ('PROCESSED', 'FAILED') or stock_release_pending or payment_unresolved;

-- An Idempotency-Key is taken in the same transaction that creates its order, so every
-- key has an order; the answer is rendered from the order's current state, not stored.
delete from idempotency_key where order_id is null;
alter table idempotency_key alter column order_id set not null;
alter table idempotency_key drop column response_status;
alter table idempotency_key drop column response_body;
alter table idempotency_key drop column completed_at;
-- Keys are kept for a retention period (order.idempotency.retention) and then forgotten.
create index idempotency_key_created_idx on idempotency_key (created_at);
