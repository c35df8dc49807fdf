package dev.cloudshop.payment.payment;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

/**
 * The payments, at most one per order.
 */
interface Payments extends Repository<Payment, UUID> {

	Optional<Payment> findByOrderId(String orderId);

	Payment save(Payment payment);

}
