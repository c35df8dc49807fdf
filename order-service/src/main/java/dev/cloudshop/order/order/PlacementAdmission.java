package dev.cloudshop.order.order;

import java.time.Duration;
import java.util.concurrent.Semaphore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * How many orders this instance places at once. One more is refused before anything is
 * stored, with a 503 and a Retry-After: explicit shedding, instead of letting the calls
 * to inventory and payment pile up until their bulkheads refuse and orders fail for
 * nothing but a busy moment.
 */
@Component
class PlacementAdmission {

	private final Semaphore permits;

	private final Properties properties;

	private final Counter shed;

	PlacementAdmission(Properties properties, MeterRegistry meters) {
		this.properties = properties;
		this.permits = new Semaphore(properties.maxConcurrentPlacements());
		this.shed = Counter.builder("orders.shed")
			.description("Order placements refused because the instance was at capacity")
			.register(meters);
		Gauge
			.builder("orders.placements.in.flight", this.permits,
					(permits) -> properties.maxConcurrentPlacements() - permits.availablePermits())
			.description("Orders being placed right now")
			.register(meters);
	}

	/**
	 * @return whether a placement may start; if so, {@link #done} must follow
	 */
	boolean tryStart() {
		if (this.permits.tryAcquire()) {
			return true;
		}
		this.shed.increment();
		return false;
	}

	void done() {
		this.permits.release();
	}

	int capacity() {
		return this.properties.maxConcurrentPlacements();
	}

	Duration retryAfter() {
		return this.properties.retryAfter();
	}

	/**
	 * @param maxConcurrentPlacements orders placed at once by one instance; below the
	 * bulkheads of the calls to inventory and payment, so that they never refuse a
	 * placement that was admitted, and the recovery job keeps a few calls of its own
	 * @param retryAfter what the Retry-After of a refusal says
	 */
	@ConfigurationProperties("order.admission")
	record Properties(@DefaultValue("16") int maxConcurrentPlacements, @DefaultValue("1s") Duration retryAfter) {
	}

}
