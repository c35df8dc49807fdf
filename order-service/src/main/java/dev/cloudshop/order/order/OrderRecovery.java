package dev.cloudshop.order.order;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Brings every order to a final state: takes over the orders of a crashed, paused or
 * interrupted saga and those waiting for a payment outcome, and finishes undoing what
 * failed orders still hold. Several instances may run it at once: each claims an order
 * before it works on it ({@link OrderClaims}), and the order's state machine lets only
 * one of two racing steps win.
 */
@Component
class OrderRecovery {

	private static final Logger logger = LoggerFactory.getLogger(OrderRecovery.class);

	/** At most this many orders per round, so one round never outlives its claims. */
	private static final int ORDERS_PER_ROUND = 20;

	private final OrderClaims claims;

	private final OrderPlacement placement;

	private final SagaProperties properties;

	private final Clock clock;

	OrderRecovery(OrderClaims claims, OrderPlacement placement, SagaProperties properties, Clock clock) {
		this.claims = claims;
		this.placement = placement;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${order.saga.recovery-interval:2s}",
			initialDelayString = "${order.saga.recovery-interval:2s}")
	void recover() {
		for (int i = 0; i < ORDERS_PER_ROUND; i++) {
			Instant now = this.clock.instant();
			Optional<UUID> claimed = this.claims.claimNext(now, now.minus(this.properties.staleAfter()),
					this.properties.staleAfter());
			if (claimed.isEmpty()) {
				return;
			}
			recover(claimed.get());
		}
	}

	private void recover(UUID id) {
		try {
			Order order = this.placement.resume(id);
			if (order.getStatus() == OrderStatus.FAILED && order.isCompensationPending()) {
				order = this.placement.compensate(id);
			}
			logger.info("Recovered order {}: now {}{}", id, order.getStatus(),
					order.isCompensationPending() ? ", still undoing" : "");
		}
		catch (IllegalOrderTransitionException | ObjectOptimisticLockingFailureException ex) {
			logger.debug("Order {} was moved by someone else meanwhile", id);
		}
		catch (RuntimeException ex) {
			// A dependency is still down: the order is claimed again once its claim runs
			// out.
			logger.warn("Could not recover order {} yet: {}", id, ex.getMessage());
		}
	}

}
