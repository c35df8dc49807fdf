package dev.cloudshop.order.order;

import java.time.Clock;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class OrderStatusMetricsTests {

	@Test
	void answersNotANumberWithoutThrowingWhileTheDatabaseIsDown() {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		// Nothing listens on port 1: the connection is refused at once.
		JdbcTemplate down = new JdbcTemplate(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/orders"));
		OrderStatusMetrics metrics = new OrderStatusMetrics(down, registry, Clock.systemUTC());

		metrics.refresh();

		assertThat(registry.get("orders.in.status").tag("status", "PAYMENT_UNKNOWN").gauge().value()).isNaN();
		assertThat(registry.get("orders.oldest.unsettled.age").timeGauge().value()).isNaN();
		assertThat(registry.scrape()).contains("orders_in_status{status=\"PENDING\"} NaN")
			.contains("orders_oldest_unsettled_age_seconds NaN");
	}

}
