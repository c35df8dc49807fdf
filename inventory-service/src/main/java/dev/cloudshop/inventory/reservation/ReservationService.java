package dev.cloudshop.inventory.reservation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.cloudshop.inventory.product.Catalog;
import dev.cloudshop.inventory.product.Money;
import dev.cloudshop.inventory.stock.StockLedger;
import dev.cloudshop.servicedefaults.problem.NotFoundException;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserves, commits and releases stock for orders. Every operation is idempotent on the
 * order id, so order-service may repeat any call after a timeout without holding or
 * selling stock twice.
 */
@Service
class ReservationService {

	private final Reservations reservations;

	private final Catalog catalog;

	private final StockLedger stock;

	private final ReservationProperties properties;

	private final Clock clock;

	ReservationService(Reservations reservations, Catalog catalog, StockLedger stock, ReservationProperties properties,
			Clock clock) {
		this.reservations = reservations;
		this.catalog = catalog;
		this.stock = stock;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Holds every quantity for the order, or none.
	 * @param orderId the order
	 * @param quantities how many of each sku
	 * @return the reservation, and whether this call made it
	 */
	@Transactional
	Reserved reserve(String orderId, Map<String, Integer> quantities) {
		var existing = this.reservations.findById(orderId);
		if (existing.isPresent()) {
			return replay(existing.get(), quantities);
		}
		Map<String, Money> prices = this.catalog.pricesOf(quantities.keySet());
		List<String> unknown = quantities.keySet().stream().filter((sku) -> !prices.containsKey(sku)).sorted().toList();
		if (!unknown.isEmpty()) {
			throw ReservationProblems.unknownProducts(unknown);
		}
		List<String> currencies = prices.values().stream().map(Money::currency).distinct().sorted().toList();
		if (currencies.size() > 1) {
			throw ReservationProblems.mixedCurrencies(currencies);
		}
		List<ReservationLine> lines = new TreeMap<>(quantities).entrySet()
			.stream()
			.map((line) -> new ReservationLine(line.getKey(), line.getValue(), prices.get(line.getKey()).amount()))
			.toList();
		// Inserting first makes a concurrent request for the same order wait here, before
		// it touches any stock, and then fail on the primary key.
		Reservation reservation = this.reservations.saveAndFlush(
				new Reservation(orderId, lines, currencies.get(0), this.properties.timeToLive(), this.clock.instant()));
		// Lines in sku order: two orders locking the same products lock them in the same
		// order.
		List<ReservationProblems.Shortage> shortages = new ArrayList<>();
		for (ReservationLine line : lines) {
			if (!this.stock.reserve(line.sku(), line.quantity())) {
				int available = this.stock.availableOf(List.of(line.sku())).getOrDefault(line.sku(), 0);
				shortages.add(new ReservationProblems.Shortage(line.sku(), line.quantity(), available));
			}
		}
		if (!shortages.isEmpty()) {
			// Rolls back the reservation row and every line already held.
			throw ReservationProblems.insufficientStock(orderId, shortages);
		}
		return new Reserved(reservation, true);
	}

	/**
	 * Answers a reservation request for an order that already has one.
	 */
	@Transactional(readOnly = true)
	Reserved replay(String orderId, Map<String, Integer> quantities) {
		return replay(find(orderId), quantities);
	}

	private Reserved replay(Reservation reservation, Map<String, Integer> quantities) {
		if (!reservation.holds(quantities)) {
			throw ReservationProblems.mismatch(reservation.getOrderId());
		}
		return new Reserved(reservation, false);
	}

	@Transactional
	Reservation commit(String orderId) {
		Reservation reservation = this.reservations.findForUpdate(orderId)
			.orElseThrow(() -> NotFoundException.of("reservation", "orderId", orderId));
		if (reservation.commit(this.clock.instant())) {
			reservation.getLines().forEach((line) -> this.stock.commit(line.sku(), line.quantity()));
		}
		return reservation;
	}

	@Transactional
	Reservation release(String orderId) {
		Reservation reservation = this.reservations.findForUpdate(orderId)
			.orElseThrow(() -> NotFoundException.of("reservation", "orderId", orderId));
		if (reservation.release(this.clock.instant())) {
			reservation.getLines().forEach((line) -> this.stock.release(line.sku(), line.quantity()));
		}
		return reservation;
	}

	@Transactional(readOnly = true)
	Reservation find(String orderId) {
		return this.reservations.findById(orderId)
			.orElseThrow(() -> NotFoundException.of("reservation", "orderId", orderId));
	}

	/**
	 * The orders of reservations whose time ran out.
	 * @param now the time to compare with
	 * @param after the order id to start after, or the empty string for the first batch
	 * @param limit how many at most
	 * @return the order ids, in order
	 */
	@Transactional(readOnly = true)
	List<String> due(Instant now, String after, int limit) {
		return this.reservations.findDueAfter(now, after, Limit.of(limit));
	}

	/**
	 * Gives the stock of one reservation back if its time ran out, in a transaction of
	 * its own, so a reservation that cannot expire holds up no other.
	 * @return whether it expired: {@code false} when it is no longer due, or another
	 * instance is expiring it right now
	 */
	@Transactional
	boolean expire(String orderId, Instant now) {
		Optional<Reservation> due = this.reservations.findDueForUpdate(orderId, now);
		if (due.isEmpty() || !due.get().expire(now)) {
			return false;
		}
		due.get().getLines().forEach((line) -> this.stock.release(line.sku(), line.quantity()));
		return true;
	}

	/**
	 * The outcome of a reservation request.
	 *
	 * @param reservation the reservation
	 * @param created whether this request made it, rather than repeating an earlier one
	 */
	record Reserved(Reservation reservation, boolean created) {
	}

}
