package dev.cloudshop.inventory.reservation;

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

import dev.cloudshop.inventory.InventoryServiceTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The reservation gauges on the real database. Each test works in one repeatable-read
 * transaction that it rolls back: the gauges count what the test added on top of a
 * snapshot that other tests' reservations (and the expiry job) do not change meanwhile.
 */
@InventoryServiceTest
class ReservationMetricsIntegrationTests {

	private static final Duration TEN_DAYS = Duration.ofDays(10);

	@Autowired
	ReservationMetrics metrics;

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
	void countsTheReservationsInEachStatus() {
		inSnapshot(() -> {
			this.metrics.refresh();
			Map<ReservationStatus, Double> before = counts();

			insert(ReservationStatus.RESERVED, Duration.ofMinutes(1));
			insert(ReservationStatus.RESERVED, Duration.ofMinutes(2));
			insert(ReservationStatus.COMMITTED, Duration.ofMinutes(3));
			this.metrics.refresh();

			Map<ReservationStatus, Double> after = counts();
			assertThat(after.get(ReservationStatus.RESERVED)).isEqualTo(before.get(ReservationStatus.RESERVED) + 2);
			assertThat(after.get(ReservationStatus.COMMITTED)).isEqualTo(before.get(ReservationStatus.COMMITTED) + 1);
			assertThat(after.get(ReservationStatus.RELEASED)).isEqualTo(before.get(ReservationStatus.RELEASED));
			assertThat(after.get(ReservationStatus.EXPIRED)).isEqualTo(before.get(ReservationStatus.EXPIRED));
		});
	}

	@Test
	void measuresTheAgeOfTheOldestReservationStillHoldingStock() {
		inSnapshot(() -> {
			// Reservations that hold nothing any more, however old, do not count.
			insert(ReservationStatus.COMMITTED, TEN_DAYS.multipliedBy(2));
			insert(ReservationStatus.EXPIRED, TEN_DAYS.multipliedBy(2));
			insert(ReservationStatus.RESERVED, TEN_DAYS);
			insert(ReservationStatus.RESERVED, Duration.ofMinutes(1));
			this.metrics.refresh();

			assertThat(oldestHeldAge()).isCloseTo(TEN_DAYS.toSeconds(), within(60.0));
		});
	}

	@Test
	void isScrapedUnderThePrometheusNamesTheRulesUse() {
		this.metrics.refresh();

		assertThat(this.prometheus.scrape()).contains("inventory_reservations{status=\"RESERVED\"}")
			.contains("inventory_reservations{status=\"EXPIRED\"}")
			.contains("inventory_reservation_oldest_held_age_seconds ");
	}

	private void inSnapshot(Runnable work) {
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		transaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		transaction.executeWithoutResult((status) -> {
			work.run();
			status.setRollbackOnly();
		});
	}

	// Expiring in a day: the expiry job leaves them alone.
	private void insert(ReservationStatus status, Duration age) {
		Instant now = this.clock.instant();
		this.jdbc.update(
				"insert into reservation (order_id, status, total, currency, created_at, updated_at, expires_at)"
						+ " values (?, ?, 10, 'EUR', ?, ?, ?)",
				"metrics-" + UUID.randomUUID(), status.name(), Timestamp.from(now.minus(age)), Timestamp.from(now),
				Timestamp.from(now.plus(Duration.ofDays(1))));
	}

	private Map<ReservationStatus, Double> counts() {
		return Stream.of(ReservationStatus.values())
			.collect(Collectors.toMap(Function.identity(), (
					status) -> this.meters.get("inventory.reservations").tag("status", status.name()).gauge().value()));
	}

	private double oldestHeldAge() {
		return this.meters.get("inventory.reservation.oldest.held.age").timeGauge().value();
	}

}
