package dev.cloudshop.order.order;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.test.util.ReflectionTestUtils;

/**
 * The orders kept in a map, for tests of the saga without a database: a new order gets
 * its id on its first save, as it does from JPA.
 */
class InMemoryOrders implements Orders {

	private final Map<UUID, Order> orders = new LinkedHashMap<>();

	@Override
	public Optional<Order> findById(UUID id) {
		return Optional.ofNullable(this.orders.get(id));
	}

	@Override
	public List<Order> findByCustomerIdOrderByCreatedAtDesc(String customerId) {
		return this.orders.values()
			.stream()
			.filter((order) -> order.getCustomerId().equals(customerId))
			.sorted(Comparator.comparing(Order::getCreatedAt).reversed())
			.toList();
	}

	@Override
	public Order save(Order order) {
		if (order.getId() == null) {
			ReflectionTestUtils.setField(order, "id", UUID.randomUUID());
		}
		this.orders.put(order.getId(), order);
		return order;
	}

	Order get(UUID id) {
		return findById(id).orElseThrow();
	}

}
