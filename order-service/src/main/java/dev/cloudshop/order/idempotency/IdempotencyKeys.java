package dev.cloudshop.order.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Idempotency-Key protocol of placing an order: a key is taken in the same
 * transaction that creates its order, so there is never a key without an order (a request
 * that dies before it commits leaves nothing, and its retry starts afresh), and a key is
 * forgotten after the retention period.
 */
@Component
public class IdempotencyKeys {

	private static final Logger logger = LoggerFactory.getLogger(IdempotencyKeys.class);

	private final JdbcTemplate jdbc;

	private final IdempotencyProperties settings;

	private final Clock clock;

	IdempotencyKeys(JdbcTemplate jdbc, IdempotencyProperties settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Takes a key for a request and creates its order, or tells what an earlier request
	 * with the key left. A concurrent request with the same key waits here until the
	 * first one's transaction ends, then sees its order.
	 * @param key the client's key
	 * @param requestHash the request's fingerprint
	 * @param createOrder creates the order (in this transaction) and answers its id
	 * @return what to do
	 */
	@Transactional
	public Claim claim(String key, String requestHash, Supplier<UUID> createOrder) {
		Instant now = this.clock.instant();
		// One statement: a new key is inserted, a key past its retention is taken over as
		// new, a live key is left alone. The order id is filled in below, before this
		// transaction commits: nobody else ever sees the placeholder.
		int inserted = this.jdbc.update("""
				insert into idempotency_key (key, request_hash, order_id, created_at)
				values (?, ?, ?, ?)
				on conflict (key) do update
					set request_hash = excluded.request_hash, order_id = excluded.order_id,
						created_at = excluded.created_at
					where idempotency_key.created_at < ?
				""", key, requestHash, new UUID(0, 0), Timestamp.from(now),
				Timestamp.from(now.minus(this.settings.retention())));
		if (inserted == 1) {
			UUID orderId = createOrder.get();
			this.jdbc.update("update idempotency_key set order_id = ? where key = ?", orderId, key);
			return new Claim.First(orderId);
		}
		return this.jdbc.queryForObject("select request_hash, order_id, created_at from idempotency_key where key = ?",
				(row, i) -> row.getString("request_hash").equals(requestHash)
						? new Claim.Earlier(row.getObject("order_id", UUID.class),
								row.getTimestamp("created_at").toInstant())
						: new Claim.DifferentRequest(),
				key);
	}

	/**
	 * Forgets the keys older than the retention period.
	 */
	@Scheduled(fixedDelayString = "${order.idempotency.purge-interval:10m}", initialDelay = 60_000)
	@Transactional
	public void purge() {
		int purged = this.jdbc.update("delete from idempotency_key where created_at < ?",
				Timestamp.from(this.clock.instant().minus(this.settings.retention())));
		if (purged > 0) {
			logger.info("Forgot {} Idempotency-Keys older than {}", purged, this.settings.retention());
		}
	}

	/**
	 * @return how long a key is remembered
	 */
	public Duration retention() {
		return this.settings.retention();
	}

	/**
	 * What an earlier request with the same key left.
	 */
	public sealed interface Claim {

		/** No earlier request: the order was created, go ahead with it. */
		record First(UUID orderId) implements Claim {
		}

		/** The key was used for a different request. */
		record DifferentRequest() implements Claim {
		}

		/** The same request came before (it may still be running): its order. */
		record Earlier(UUID orderId, Instant since) implements Claim {
		}

	}

}
