package dev.cloudshop.endtoend;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link MetricNames} reads queries, rule files and scrapes; a unit test, run by
 * Surefire without the suite.
 */
class MetricNamesTests {

	private static final Path root = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();

	@Test
	void readsTheMetricsOfAQueryAndNotItsFunctionsLabelsOrDurations() {
		assertThat(MetricNames.in("histogram_quantile(0.99, sum by (le, routeId) "
				+ "(rate(spring_cloud_gateway_requests_seconds_bucket{application=\"gateway-service\", instance=~\"$instance\"}[$__rate_interval])))"))
			.containsExactly("spring_cloud_gateway_requests_seconds_bucket");
		assertThat(MetricNames
			.in("sum(rate(a_total[5m])) by (outcome) / ignoring(reason) group_left(outcome) b offset 1h"))
			.containsExactly("a_total", "b");
		assertThat(MetricNames
			.in("(sum(rate(orders_completed_total{reason=~\"DEPENDENCY_UNAVAILABLE|PAYMENT_FAILED\"}[5m])) or vector(0))"
					+ " / sum(rate(orders_completed_total[5m]))"))
			.containsExactly("orders_completed_total");
		assertThat(MetricNames.in("label_replace(max(x_seconds) > bool 0.5, \"service\", \"$1\", \"name\", \"(.*)\")"))
			.containsExactly("x_seconds");
	}

	@Test
	void keepsRecordedNamesWhole() {
		assertThat(MetricNames.in("cloudshop:orders_technical_failures:ratio_rate1h / 0.01 and up == 1"))
			.containsExactly("cloudshop:orders_technical_failures:ratio_rate1h", "up");
	}

	@Test
	void readsTheSampleNamesOfAScrapeWithoutItsComments() {
		String scrape = """
				# HELP orders_completed_total Orders that reached a final state
				# TYPE orders_completed_total counter
				orders_completed_total{outcome="processed",reason="NONE"} 1.0
				order_saga_duration_seconds_bucket{outcome="processed",le="0.001"} 0.0
				process_uptime_seconds 12.5
				""";
		assertThat(MetricNames.inScrape(scrape)).containsExactly("order_saga_duration_seconds_bucket",
				"orders_completed_total", "process_uptime_seconds");
	}

	@Test
	void findsTheMetricsOfTheDashboardsPanelsAndVariables() {
		Set<String> names = MetricNames.usedByDashboards(root.resolve("observability/grafana/dashboards"));
		assertThat(names).contains("cloudshop:orders_completed_per_minute:rate5m", "orders_in_status",
				"spring_cloud_gateway_requests_seconds_bucket", "jvm_memory_used_bytes", "up");
		assertThat(names).allSatisfy((name) -> assertThat(name).matches("[a-z_:][a-z0-9_:]*")
			.isNotIn("rate", "histogram_quantile", "sum", "max", "by", "le", "instance", "x", "5m"));
	}

	@Test
	void findsTheMetricsOfTheRecordingRules() {
		Set<String> names = MetricNames.usedByRules(root.resolve("observability/prometheus/rules/recording.yml"));
		assertThat(names).contains("orders_completed_total", "order_saga_duration_seconds_bucket",
				"resilience4j_circuitbreaker_not_permitted_calls_total", "http_server_requests_seconds_count");
		assertThat(names).doesNotContain("name", "service", "le", "rate", "label_replace");
	}

}
