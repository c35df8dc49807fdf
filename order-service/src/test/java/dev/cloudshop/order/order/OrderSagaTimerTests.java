package dev.cloudshop.order.order;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The saga timer as Prometheus scrapes it: the buckets the recording rules
 * ({@code observability/prometheus/rules/recording.yml}) name by their {@code le} label
 * exist, written exactly as the rules write them.
 */
class OrderSagaTimerTests {

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	private final OrderSteps steps = new OrderSteps(new InMemoryOrders((event) -> {
	}), Clock.systemUTC(), this.registry);

	@Test
	void publishesABucketAtExactlyTheTwoSecondObjective() {
		settleAnOrder();

		assertThat(this.registry.scrape())
			.contains("order_saga_duration_seconds_bucket{outcome=\"failed\",le=\"2.0\"} 1")
			// Micrometer's nearest default bucket, which the rules used before.
			.contains("order_saga_duration_seconds_bucket{outcome=\"failed\",le=\"2.147483647\"} 1");
	}

	@Test
	void keepsTheThirtySecondBucketOfTheLateSettlementRule() {
		settleAnOrder();

		assertThat(this.registry.scrape())
			.contains("order_saga_duration_seconds_bucket{outcome=\"failed\",le=\"30.0\"} 1");
	}

	@Test
	void measuresSagasUpToThreeMinutesBeyondTheDeadline() {
		settleAnOrder();

		String scrape = this.registry.scrape();
		assertThat(scrape).contains("order_saga_duration_seconds_bucket{outcome=\"failed\",le=\"180.0\"} 1")
			.contains("order_saga_duration_seconds_bucket{outcome=\"failed\",le=\"137.438953471\"} 1")
			.contains("order_saga_duration_seconds_bucket{outcome=\"failed\",le=\"+Inf\"} 1");
		assertThat(scrape).doesNotContain("le=\"183.251937961\"");
	}

	private void settleAnOrder() {
		UUID id = this.steps.create("ada", "ada@example.com", List.of(new OrderLine("KB-0001", 1, null))).getId();
		this.steps.failed(id, FailureReason.OUT_OF_STOCK, "none left");
	}

}
