package dev.cloudshop.order.order;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands the recovery job one order at a time to work on, and makes sure no other
 * order-service instance is handed the same one meanwhile: the row is picked with
 * {@code FOR UPDATE SKIP LOCKED} and marked claimed until a time, in one statement.
 */
@Component
class OrderClaims {

	private final JdbcTemplate jdbc;

	OrderClaims(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims the order untouched for longest among those that need the recovery job: an
	 * unsettled order nobody moved since {@code staleBefore}, or a failed one with
	 * something still to undo.
	 * @param now the current time
	 * @param staleBefore orders untouched since before this are taken over
	 * @param claimFor how long the claim keeps other instances away
	 * @return the claimed order's id, if one needs recovery
	 */
	@Transactional
	Optional<UUID> claimNext(Instant now, Instant staleBefore, Duration claimFor) {
		List<UUID> claimed = this.jdbc.queryForList("""
				update orders set claimed_until = ?
				where id = (
					select id from orders
					where (status not in ('PROCESSED', 'FAILED') or stock_release_pending or payment_unresolved)
						and updated_at < ?
						and (claimed_until is null or claimed_until < ?)
					order by updated_at
					limit 1
					for update skip locked)
				returning id
				""", UUID.class, Timestamp.from(now.plus(claimFor)), Timestamp.from(staleBefore), Timestamp.from(now));
		return claimed.stream().findFirst();
	}

}
