package dev.cloudshop.localstack;

import java.util.List;
import java.util.Optional;

/**
 * One Spring Boot application of the suite, as the local stack runs it.
 *
 * @param name the service name, which is also its Maven module and its Eureka name
 * @param port the port of its first instance (without any offset)
 * @param database the name of its own PostgreSQL database and role, or {@code null}
 * @param routeProbe a cheap GET through the gateway that reaches this service, or
 * {@code null} for a service the gateway does not route to
 * @param heap the maximum heap it is given
 */
public record SuiteService(String name, int port, String database, String routeProbe, String heap) {

	/** The registry; starts first. */
	public static final SuiteService DISCOVERY = new SuiteService("discovery-service", 8761, null, null, "128m");

	/** The edge; the only port a user needs. */
	public static final SuiteService GATEWAY = new SuiteService("gateway-service", 8080, null, null, "160m");

	/** The business services behind the gateway. */
	public static final List<SuiteService> BUSINESS = List.of(
			new SuiteService("order-service", 8081, "orders", "/api/orders?customerId=local-stack-probe", "160m"),
			new SuiteService("inventory-service", 8082, "inventory", "/api/products?size=1", "160m"),
			new SuiteService("payment-service", 8083, "payments", "/api/payments?orderId=local-stack-probe", "160m"),
			new SuiteService("notification-service", 8084, "notifications",
					"/api/notifications?orderId=local-stack-probe", "160m"),
			// Decoding a 40-megapixel upload takes about 384 MB of heap, so the stack
			// lets image-service decode one at a time.
			new SuiteService("image-service", 8085, "images", "/api/images?owner=local-stack-probe", "512m"));

	/**
	 * Every service, in start order.
	 * @return all services
	 */
	public static List<SuiteService> all() {
		var all = new java.util.ArrayList<SuiteService>();
		all.add(DISCOVERY);
		all.addAll(BUSINESS);
		all.add(GATEWAY);
		return List.copyOf(all);
	}

	/**
	 * Finds a service by name.
	 * @param name the service name
	 * @return the service
	 * @throws IllegalArgumentException if no service has that name
	 */
	public static SuiteService named(String name) {
		return all().stream()
			.filter((service) -> service.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No service is named " + name + "; the services are "
					+ all().stream().map(SuiteService::name).toList()));
	}

	Optional<String> databaseName() {
		return Optional.ofNullable(this.database);
	}

	/**
	 * The port of one instance: instance 0 on the service's own port, each further
	 * instance 100 above the previous, all shifted by the stack's port offset.
	 * @param instance the instance index, from 0
	 * @param offset the stack's port offset
	 * @return the port
	 */
	public int port(int instance, int offset) {
		return this.port + offset + 100 * instance;
	}

}
