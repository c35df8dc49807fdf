package dev.cloudshop.order.order;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.EntityGraph;
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

}
