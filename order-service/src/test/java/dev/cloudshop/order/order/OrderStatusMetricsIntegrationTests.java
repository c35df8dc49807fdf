package dev.cloudshop.order.order;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.cloudshop.order.OrderServiceTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The order gauges on the real database. Each test works in one repeatable-read
 * transaction that it rolls back: the gauges count what the test added on top of a
 * snapshot that other tests' orders (and their recovery job) do not change meanwhile.
 */
@OrderServiceTest
class OrderStatusMetricsIntegrationTests {

	private static final Duration TEN_DAYS = Duration.ofDays(10);

	@Autowired
	OrderStatusMetrics metrics;

	@Autowired
	MeterRegistry meters;

	@Autowired
	PrometheusMeterRegistry prometheus;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	Clock clock;

	@Test
	void countsTheOrdersInEachStatus() {
		inSnapshot(() -> {
			this.metrics.refresh();
			Map<OrderStatus, Double> before = counts();

			insert(OrderStatus.PAYMENT_UNKNOWN, Duration.ofMinutes(1));
			insert(OrderStatus.PAYMENT_UNKNOWN, Duration.ofMinutes(2));
			insert(OrderStatus.PROCESSED, Duration.ofMinutes(3));
			this.metrics.refresh();

			Map<OrderStatus, Double> after = counts();
			assertThat(after.get(OrderStatus.PAYMENT_UNKNOWN)).isEqualTo(before.get(OrderStatus.PAYMENT_UNKNOWN) + 2);
			assertThat(after.get(OrderStatus.PROCESSED)).isEqualTo(before.get(OrderStatus.PROCESSED) + 1);
			Stream.of(OrderStatus.PENDING, OrderStatus.STOCK_RESERVED, OrderStatus.PAID, OrderStatus.FAILED)
				.forEach((status) -> assertThat(after.get(status)).as(status.name()).isEqualTo(before.get(status)));
		});
	}

	@Test
	void measuresTheAgeOfTheOldestOrderNotSettled() {
		inSnapshot(() -> {
			// Settled orders, however old, do not count.
			insert(OrderStatus.FAILED, TEN_DAYS.multipliedBy(2));
			insert(OrderStatus.PROCESSED, TEN_DAYS.multipliedBy(2));
			insert(OrderStatus.PAYMENT_UNKNOWN, TEN_DAYS);
			insert(OrderStatus.PENDING, Duration.ofMinutes(1));
			this.metrics.refresh();

			assertThat(oldestUnsettledAge()).isCloseTo(TEN_DAYS.toSeconds(), within(60.0));
		});
	}

	@Test
	void isScrapedUnderThePrometheusNamesTheRulesUse() {
		this.metrics.refresh();

		assertThat(this.prometheus.scrape()).contains("orders_in_status{status=\"PAYMENT_UNKNOWN\"}")
			.contains("orders_in_status{status=\"STOCK_RESERVED\"}")
			.contains("orders_oldest_unsettled_age_seconds ");
	}

	private void inSnapshot(Runnable work) {
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		transaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		transaction.executeWithoutResult((status) -> {
			work.run();
			status.setRollbackOnly();
		});
	}

	// Claimed for a day: the recovery job leaves them alone.
	private void insert(OrderStatus status, Duration age) {
		Instant now = this.clock.instant();
		this.jdbc.update(
				"insert into orders (id, customer_id, email, status, created_at, updated_at, claimed_until)"
						+ " values (?, ?, ?, ?, ?, ?, ?)",
				UUID.randomUUID(), "metrics-" + UUID.randomUUID(), "ada@example.com", status.name(),
				Timestamp.from(now.minus(age)), Timestamp.from(now), Timestamp.from(now.plus(Duration.ofDays(1))));
	}

	private Map<OrderStatus, Double> counts() {
		return Stream.of(OrderStatus.values())
			.collect(Collectors.toMap(Function.identity(),
					(status) -> this.meters.get("orders.in.status").tag("status", status.name()).gauge().value()));
	}

	private double oldestUnsettledAge() {
		return this.meters.get("orders.oldest.unsettled.age").timeGauge().value();
	}

}
