package dev.cloudshop.inventory.reservation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.Repository;

interface Reservations extends Repository<Reservation, String> {

	Optional<Reservation> findById(String orderId);

	/**
	 * Reads a reservation and locks it until the transaction ends, so a commit, a release
	 * and the expiry job never move the same reservation at once.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from Reservation r where r.orderId = :orderId")
	Optional<Reservation> findForUpdate(String orderId);

	/**
	 * The orders of reservations whose time ran out, in order id order after the given
	 * one: paging on the id lets a pass move on past reservations it could not expire.
	 */
	@Query("select r.orderId from Reservation r where r.status = 'RESERVED' and r.expiresAt <= :now"
			+ " and r.orderId > :after order by r.orderId")
	List<String> findDueAfter(Instant now, String after, Limit limit);

	/**
	 * Locks a reservation whose time ran out; finds nothing when it is no longer due, or
	 * when another instance is handling it right now.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
	@Query("select r from Reservation r where r.orderId = :orderId and r.status = 'RESERVED' and r.expiresAt <= :now")
	Optional<Reservation> findDueForUpdate(String orderId, Instant now);

	Reservation saveAndFlush(Reservation reservation);

}
