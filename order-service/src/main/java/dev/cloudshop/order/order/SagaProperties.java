package dev.cloudshop.order.order;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Time bounds of the order saga.
 *
 * @param staleAfter an unsettled order untouched this long is taken over by the recovery
 * job: longer than any live saga takes, so the job never races one
 * @param deadline no order stays unsettled longer: past it the recovery job compensates
 * and fails it
 * @param recoveryInterval how often the recovery job looks for stale orders
 */
@ConfigurationProperties("order.saga")
public record SagaProperties(@DefaultValue("20s") Duration staleAfter, @DefaultValue("2m") Duration deadline,
		@DefaultValue("2s") Duration recoveryInterval) {
}
