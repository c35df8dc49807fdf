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
	 * Locks expired reservations, skipping any another instance is handling right now.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
	@Query("select r from Reservation r where r.status = 'RESERVED' and r.expiresAt <= :now order by r.expiresAt")
	List<Reservation> findExpiredForUpdate(Instant now, Limit limit);

	Reservation saveAndFlush(Reservation reservation);

}
