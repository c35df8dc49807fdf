package dev.cloudshop.order.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers each key with a fingerprint of its request and, once done, the response.
 */
@Component
public class IdempotencyKeys {

	private final JdbcTemplate jdbc;

	IdempotencyKeys(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims a key for a request, or tells what an earlier request with the key left.
	 * @param key the client's key
	 * @param requestHash the request's fingerprint
	 * @return what to do
	 */
	@Transactional
	public Claim claim(String key, String requestHash) {
		int inserted = this.jdbc.update(
				"insert into idempotency_key (key, request_hash, created_at) values (?, ?, ?) on conflict do nothing",
				key, requestHash, Timestamp.from(Instant.now()));
		if (inserted == 1) {
			return new Claim.First();
		}
		return this.jdbc.queryForObject(
				"select request_hash, order_id, response_status, response_body, created_at from idempotency_key"
						+ " where key = ?",
				(row, i) -> {
					if (!row.getString("request_hash").equals(requestHash)) {
						return new Claim.DifferentRequest();
					}
					int status = row.getInt("response_status");
					if (row.wasNull()) {
						String orderId = row.getString("order_id");
						return new Claim.InProgress((orderId != null) ? UUID.fromString(orderId) : null,
								row.getTimestamp("created_at").toInstant());
					}
					return new Claim.Completed(status, row.getString("response_body"));
				}, key);
	}

	@Transactional
	public void orderCreated(String key, UUID orderId) {
		this.jdbc.update("update idempotency_key set order_id = ? where key = ?", orderId, key);
	}

	@Transactional
	public void completed(String key, int status, String body) {
		this.jdbc.update(
				"update idempotency_key set response_status = ?, response_body = ?, completed_at = ? where key = ?",
				status, body, Timestamp.from(Instant.now()), key);
	}

	/**
	 * Forgets a key whose request failed before an order existed, so the client may
	 * retry.
	 */
	@Transactional
	public void release(String key) {
		this.jdbc.update("delete from idempotency_key where key = ? and order_id is null", key);
	}

	/**
	 * What an earlier request with the same key left.
	 */
	public sealed interface Claim {

		/** No earlier request: go ahead. */
		record First() implements Claim {
		}

		/** The key was used for a different request. */
		record DifferentRequest() implements Claim {
		}

		/** The first request is still running (or crashed while running). */
		record InProgress(UUID orderId, Instant since) implements Claim {
		}

		/** The first request finished: replay its response. */
		record Completed(int status, String body) implements Claim {
		}

	}

}
