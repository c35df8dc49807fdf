package dev.cloudshop.order.order;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.test.util.ReflectionTestUtils;

/**
 * The orders kept in a map, for tests of the saga without a database. As with Spring Data
 * JPA, a new order gets its id on its first save, and saving an order publishes the
 * events it registered.
 */
class InMemoryOrders implements Orders {

	private final Map<UUID, Order> orders = new LinkedHashMap<>();

	private final Consumer<Object> events;

	InMemoryOrders(Consumer<Object> events) {
		this.events = events;
	}

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
		Collection<Object> registered = ReflectionTestUtils.invokeMethod(order, "domainEvents");
		registered.forEach(this.events);
		ReflectionTestUtils.invokeMethod(order, "clearDomainEvents");
		return order;
	}

	Order get(UUID id) {
		return findById(id).orElseThrow();
	}

}
