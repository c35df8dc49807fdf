package dev.cloudshop.payment.payment;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.repository.Repository;

/**
 * The payments, at most one per order.
 */
interface Payments extends Repository<Payment, UUID> {

	Optional<Payment> findById(UUID id);

	Optional<Payment> findByOrderId(String orderId);

	/**
	 * Finds a payment and locks it until the transaction ends, so that concurrent refunds
	 * of it happen one after the other.
	 * @param id the payment id
	 * @return the payment, if there is one
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<Payment> findForUpdateById(UUID id);

	/**
	 * Inserts a payment at once, so that a second payment for the same order fails here.
	 * @param payment the new payment
	 * @return the stored payment
	 * @throws org.springframework.dao.DataIntegrityViolationException if the order has a
	 * payment already
	 */
	Payment saveAndFlush(Payment payment);

}
