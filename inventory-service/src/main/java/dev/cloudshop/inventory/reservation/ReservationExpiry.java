package dev.cloudshop.inventory.reservation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives the stock of abandoned reservations back on a schedule. Each reservation expires
 * in a transaction of its own: one that fails is logged and tried again on the next pass,
 * and every other due reservation still expires.
 */
@Component
class ReservationExpiry {

	static final int BATCH_SIZE = 100;

	private static final Logger logger = LoggerFactory.getLogger(ReservationExpiry.class);

	private final ReservationService reservations;

	private final Clock clock;

	ReservationExpiry(ReservationService reservations, Clock clock) {
		this.reservations = reservations;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${inventory.reservations.expiry-check-interval:5s}")
	void releaseExpired() {
		// One instant for the whole pass, in the microseconds PostgreSQL keeps: the query
		// and the reservation compare the same instant.
		Instant now = this.clock.instant();
		int expired = 0;
		int failed = 0;
		String after = "";
		List<String> due;
		do {
			due = this.reservations.due(now, after, BATCH_SIZE);
			for (String orderId : due) {
				try {
					if (this.reservations.expire(orderId, now)) {
						expired++;
					}
				}
				catch (RuntimeException ex) {
					failed++;
					logger.error("Could not expire the reservation of order {}; the next pass tries again", orderId,
							ex);
				}
			}
			if (!due.isEmpty()) {
				after = due.get(due.size() - 1);
			}
		}
		while (due.size() == BATCH_SIZE);
		if (expired > 0 || failed > 0) {
			logger.info("Released the stock of {} expired reservations; {} could not expire", expired, failed);
		}
	}

}
