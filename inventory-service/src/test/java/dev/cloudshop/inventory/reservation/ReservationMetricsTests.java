package dev.cloudshop.inventory.reservation;

import java.time.Clock;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReservationMetricsTests {

	@Test
	void answersNotANumberWithoutThrowingWhileTheDatabaseIsDown() {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		// Nothing listens on port 1: the connection is refused at once.
		JdbcTemplate down = new JdbcTemplate(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/inventory"));
		ReservationMetrics metrics = new ReservationMetrics(down, registry, Clock.systemUTC());

		metrics.refresh();

		assertThat(registry.get("inventory.reservations").tag("status", "RESERVED").gauge().value()).isNaN();
		assertThat(registry.get("inventory.reservation.oldest.held.age").timeGauge().value()).isNaN();
		assertThat(registry.scrape()).contains("inventory_reservations{status=\"COMMITTED\"} NaN")
			.contains("inventory_reservation_oldest_held_age_seconds NaN");
	}

}
