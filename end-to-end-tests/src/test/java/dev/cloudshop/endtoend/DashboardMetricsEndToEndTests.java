package dev.cloudshop.endtoend;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.cloudshop.localstack.LocalStack;
import dev.cloudshop.localstack.SuiteService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every metric the Grafana dashboards and the recording rules read is one the services
 * expose: after an order has gone through the saga and its notification, each name is in
 * some service's {@code /actuator/prometheus}. A renamed meter, a histogram turned off or
 * a metric the dashboards expect before it exists fails here instead of leaving a panel
 * empty.
 */
class DashboardMetricsEndToEndTests {

	private static final Path root = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();

	static LocalStack stack;

	static Gateway gateway;

	@BeforeAll
	static void startSuite() {
		stack = RunningSuite.get();
		gateway = new Gateway(stack.gatewayUrl());
	}

	@Test
	void everyMetricTheDashboardsAndRecordingRulesReadIsExposedBySomeService() {
		Set<String> expected = new TreeSet<>(
				MetricNames.usedByDashboards(root.resolve("observability/grafana/dashboards")));
		expected.addAll(MetricNames.usedByRules(root.resolve("observability/prometheus/rules/recording.yml")));
		// Recorded series are Prometheus' own work, and so is up.
		expected.removeIf((name) -> name.startsWith("cloudshop:") || name.equals("up"));
		assertThat(expected).as("metric names read by the dashboards and recording rules").isNotEmpty();

		String email = "dashboards-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		Gateway.Response placed = gateway.postJson("/api/orders",
				Map.of("customerId", "e2e-dashboards", "email", email, "lines",
						List.of(Map.of("sku", "KB-0001", "quantity", 1)), "paymentToken", "tok_approve"),
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(placed.status()).as(placed.body()).isEqualTo(201);
		assertThat(placed.json().get("status").asString()).isEqualTo("PROCESSED");
		String orderId = placed.json().get("id").asString();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(gateway.get("/api/notifications?orderId=" + orderId).json()).hasSize(1));

		// Some meters appear with their first event (the email sent, the event consumed):
		// scrape again until they are there or the time is up.
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
			Map<String, Set<String>> scraped = scrapes();
			Set<String> missing = new TreeSet<>(expected);
			scraped.values().forEach(missing::removeAll);
			assertThat(missing)
				.as("metrics the dashboards or recording rules read that no service's /actuator/prometheus has "
						+ "(observability/METRICS.md lists what each service exposes); scraped: %s", scraped.keySet())
				.isEmpty();
		});
	}

	/** Each service's sample names, from its first instance. */
	private static Map<String, Set<String>> scrapes() {
		Map<String, Set<String>> scraped = new TreeMap<>();
		for (SuiteService service : SuiteService.all()) {
			Gateway.Response scrape = new Gateway(stack.instanceUrl(service.name(), 0)).get("/actuator/prometheus");
			assertThat(scrape.status()).as(service.name() + "'s /actuator/prometheus").isEqualTo(200);
			scraped.put(service.name(), MetricNames.inScrape(scrape.body()));
		}
		return scraped;
	}

}
