package dev.cloudshop.order.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The orders, each loaded with its lines.
 */
interface Orders extends Repository<Order, UUID> {

	@EntityGraph(attributePaths = "lines")
	Optional<Order> findById(UUID id);

	@EntityGraph(attributePaths = "lines")
	List<Order> findByCustomerIdOrderByCreatedAtDesc(String customerId);

	Order save(Order order);

	/**
	 * Unsettled orders nobody has moved for a while: a crashed saga's, or ones waiting
	 * for a payment outcome.
	 */
	@Query("select o.id from Order o where o.status not in ('PROCESSED', 'FAILED') and o.updatedAt < :before"
			+ " order by o.updatedAt")
	List<UUID> findStale(Instant before, Limit limit);

	@Query("select o.id from Order o where o.status = 'FAILED' and o.paymentUnresolved = true order by o.updatedAt")
	List<UUID> findWithUnresolvedPayment(Limit limit);

}
