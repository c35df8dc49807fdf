package dev.cloudshop.order.events;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends again every event the relay could not deliver (Kafka down, a crash between commit
 * and send): nothing in the outbox is lost, it is only late.
 */
@Component
class OutboxResubmission {

	private final IncompleteEventPublications incomplete;

	private final EventProperties properties;

	OutboxResubmission(IncompleteEventPublications incomplete, EventProperties properties) {
		this.incomplete = incomplete;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${order.events.resubmit-interval:5s}",
			initialDelayString = "${order.events.resubmit-interval:5s}")
	void resubmit() {
		this.incomplete.resubmitIncompletePublicationsOlderThan(this.properties.resubmitOlderThan());
	}

}
