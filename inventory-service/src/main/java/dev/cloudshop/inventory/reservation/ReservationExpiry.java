package dev.cloudshop.inventory.reservation;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives the stock of abandoned reservations back on a schedule.
 */
@Component
class ReservationExpiry {

	private final ReservationService reservations;

	ReservationExpiry(ReservationService reservations) {
		this.reservations = reservations;
	}

	@Scheduled(fixedDelayString = "${inventory.reservations.expiry-check-interval:5s}")
	void releaseExpired() {
		while (this.reservations.expireDue() > 0) {
			// Another batch may be due.
		}
	}

}
