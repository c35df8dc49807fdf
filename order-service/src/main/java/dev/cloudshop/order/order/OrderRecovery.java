package dev.cloudshop.order.order;

import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Limit;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Brings every order to a final state: takes over the orders of a crashed or interrupted
 * saga and those waiting for a payment outcome, and refunds late charges of failed
 * orders. Several instances may run it at once: every step is idempotent and an order's
 * version lets only one of them save a change.
 */
@Component
class OrderRecovery {

	private static final Logger logger = LoggerFactory.getLogger(OrderRecovery.class);

	private final Orders orders;

	private final OrderPlacement placement;

	private final SagaProperties properties;

	OrderRecovery(Orders orders, OrderPlacement placement, SagaProperties properties) {
		this.orders = orders;
		this.placement = placement;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${order.saga.recovery-interval:2s}",
			initialDelayString = "${order.saga.recovery-interval:2s}")
	void recover() {
		Instant staleBefore = Instant.now().minus(this.properties.staleAfter());
		for (UUID id : this.orders.findStale(staleBefore, Limit.of(50))) {
			attempt(id, () -> {
				Order order = this.placement.resume(id);
				logger.info("Recovered order {}: now {}", id, order.getStatus());
			});
		}
		for (UUID id : this.orders.findWithUnresolvedPayment(Limit.of(50))) {
			attempt(id, () -> this.placement.resolvePayment(id));
		}
	}

	private void attempt(UUID id, Runnable step) {
		try {
			step.run();
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			logger.debug("Order {} was moved by someone else meanwhile", id);
		}
		catch (RuntimeException ex) {
			// A dependency is still down: the next round tries again, until the deadline.
			logger.warn("Could not recover order {} yet: {}", id, ex.getMessage());
		}
	}

}
