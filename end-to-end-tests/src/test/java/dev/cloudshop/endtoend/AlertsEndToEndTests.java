package dev.cloudshop.endtoend;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.cloudshop.localstack.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Alerts proven live: with the stack's real Prometheus and Alertmanager (the repository's
 * rules, routes and inhibitions), payment-service failing every charge under a steady
 * order load pages the on-call channel with the order-failure burn-rate alert and with
 * nothing else, and the page resolves once payments work again.
 * <p>
 * It runs first, on a Prometheus that has seen no failure yet: the other classes' faults
 * would leave alerts behind. Skipped where Prometheus and Alertmanager are not installed
 * ({@code apt install prometheus prometheus-alertmanager}); CI installs them and checks
 * that this class ran.
 */
@Order(1)
class AlertsEndToEndTests {

	private static final String ALERT = "OrderTechnicalFailuresBudgetBurn";

	/**
	 * The orders of the outage, one every 2 s: every one fails while payment-service
	 * fails.
	 */
	private static final Duration ORDER_INTERVAL = Duration.ofMillis(2000);

	/**
	 * The orders after it, on top: shoppers coming back, below the rate at which
	 * order-service starts to shed (a shed order is a 5xx on the gateway's orders route,
	 * which pages on its own).
	 */
	private static final int MORE_ORDERS_PER_SECOND_AFTER = 6;

	/**
	 * The alert's {@code for: 2m}, plus a few scrapes and evaluations (15 s each) for the
	 * five-minute failure ratio to pass 14.4 %, plus Alertmanager's 10-s group wait.
	 */
	private static final Duration FIRES_WITHIN = Duration.ofMinutes(5);

	/**
	 * The page has two window pairs (1 h and 5 m at burn rate 14.4, 6 h and 30 m at 6):
	 * it resolves once the failures are under 6 % of the last 30 minutes' orders too. On
	 * a stack that has seen a few minutes of orders that takes traffic: at 10 orders/s
	 * after the outage about six minutes, then up to the pages' two-minute group
	 * interval.
	 */
	private static final Duration RESOLVES_WITHIN = Duration.ofMinutes(12);

	static LocalStack stack;

	static Gateway prometheus;

	static Gateway payment;

	@BeforeAll
	static void startSuite() {
		stack = RunningSuite.get();
		assumeThat(stack.prometheusUrl().isPresent() && stack.alertmanagerUrl().isPresent())
			.as("Prometheus and Alertmanager are on the PATH (apt install prometheus prometheus-alertmanager)")
			.isTrue();
		prometheus = new Gateway(stack.prometheusUrl().orElseThrow());
		payment = new Gateway(stack.instanceUrl("payment-service", 0));
	}

	@AfterAll
	static void paymentsWork() {
		if (payment != null) {
			payment.delete("/actuator/chaos");
		}
	}

	@Test
	void prometheusScrapesEveryInstanceItFindsInEureka() {
		// Two instances of inventory-service and of image-service: the second ones found
		// through Eureka like the first, with nothing about them in prometheus.yml.
		Set<String> expected = new TreeSet<>(Set.of("discovery-service:28761", "gateway-service:28080",
				"order-service:28081", "inventory-service:28082", "inventory-service:28182", "payment-service:28083",
				"notification-service:28084", "image-service:28085", "image-service:28185"));
		await("every instance is a target Prometheus scrapes").atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(healthyTargets()).containsAll(expected));
	}

	@Test
	void aPaymentOutageUnderLoadPagesTheOrderFailureAlertAloneAndResolvesAfterRecovery() throws Exception {
		Gateway gateway = new Gateway(stack.gatewayUrl());
		List<String> skus = newProducts(gateway);
		try (OrderLoad load = new OrderLoad(gateway, "alerts-" + System.currentTimeMillis(), skus, ORDER_INTERVAL)) {
			load.start();
			await("Prometheus has seen orders PROCESSED").atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofSeconds(5))
				.until(() -> query("sum(orders_completed_total{outcome=\"processed\"})").orElse(0.0) > 0);

			Instant outage = Instant.now();
			assertThat(payment.postJson("/actuator/chaos", Map.of("errorRate", 1.0), Map.of()).status())
				.as("payment-service's chaos switch")
				.isEqualTo(200);
			ChatMessageView firing = awaitMessage("the page " + ALERT + " FIRING", outage, FIRES_WITHIN,
					(message) -> message.firing() && message.alertName().equals(ALERT));
			Duration fired = Duration.between(outage, firing.receivedAt());

			Instant recovery = Instant.now();
			assertThat(payment.delete("/actuator/chaos").status()).isEqualTo(200);
			ChatMessageView resolved;
			try (OrderLoad more = new OrderLoad(gateway, "alerts-after-" + System.currentTimeMillis(), skus,
					MORE_ORDERS_PER_SECOND_AFTER)) {
				more.start();
				resolved = awaitMessage("the page " + ALERT + " RESOLVED", recovery, RESOLVES_WITHIN,
						(message) -> !message.firing() && message.alertName().equals(ALERT));
				more.stop();
			}
			Duration resolvedAfter = Duration.between(recovery, resolved.receivedAt());
			load.stop();

			List<ChatMessageView> during = messagesSince(outage);
			System.out.printf(Locale.ROOT,
					"alerts: %s fired %.0f s after the payment outage began, resolved %.0f s after it ended;"
							+ " messages meanwhile: %s%n",
					ALERT, fired.toMillis() / 1000.0, resolvedAfter.toMillis() / 1000.0,
					during.stream().map(ChatMessageView::title).toList());
			assertThat(firing.channel()).as("a page goes to the on-call channel").isEqualTo("cloudshop");
			assertThat(firing.body()).contains("docs/runbooks/" + ALERT + ".md");
			assertThat(Path.of(System.getProperty("suite.root", ".."), "docs/runbooks", ALERT + ".md"))
				.as("the runbook the page links")
				.satisfies((runbook) -> assertThat(Files.exists(runbook)).isTrue());
			assertThat(during)
				.as("one cause, one message: the open circuit, the latency SLO and the slow burn"
						+ " are held back by the inhibit rules")
				.extracting(ChatMessageView::alertName)
				.containsOnly(ALERT);
		}
	}

	private static ChatMessageView awaitMessage(String what, Instant since, Duration within,
			Predicate<ChatMessageView> wanted) {
		List<ChatMessageView> found = new ArrayList<>();
		await(what).atMost(within).pollInterval(Duration.ofSeconds(2)).until(() -> {
			messagesSince(since).stream().filter(wanted).findFirst().ifPresent(found::add);
			return !found.isEmpty();
		});
		return found.get(0);
	}

	private static List<ChatMessageView> messagesSince(Instant since) {
		List<ChatMessageView> views = new ArrayList<>();
		stack.alertMessages()
			.stream()
			.filter((message) -> !message.receivedAt().isBefore(since))
			.forEach((message) -> message.titles()
				.forEach((title) -> views
					.add(new ChatMessageView(message.receivedAt(), message.channel(), title, message.body()))));
		return views;
	}

	private static Set<String> healthyTargets() {
		JsonNode targets = prometheus.get("/api/v1/targets?state=active").json().path("data").path("activeTargets");
		Set<String> healthy = new TreeSet<>();
		targets.forEach((target) -> {
			if (target.path("health").asString().equals("up")) {
				healthy.add(target.path("labels").path("instance").asString());
			}
		});
		return healthy;
	}

	private static Optional<Double> query(String promql) {
		JsonNode result = prometheus.get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))
			.json()
			.path("data")
			.path("result");
		if (result.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(Double.parseDouble(result.get(0).path("value").get(1).asString()));
	}

	private static List<String> newProducts(Gateway gateway) {
		Gateway inventory = new Gateway(stack.instanceUrl("inventory-service", 0));
		List<String> skus = new ArrayList<>();
		String tag = "ALERTS-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
		for (int i = 1; i <= 2; i++) {
			String sku = tag + "-" + i;
			Gateway.Response created = inventory.postJson("/admin/products",
					Map.of("sku", sku, "name", "Alert test product " + i, "category", "Alerts", "price",
							Map.of("amount", 3 + i, "currency", "EUR"), "initialStock", 20000),
					Map.of());
			assertThat(created.status()).as("creating %s: %s", sku, created.body()).isEqualTo(201);
			skus.add(sku);
		}
		return skus;
	}

	/**
	 * One alert group's line in the chat:
	 * {@code [FIRING:1] ServiceDown (payment-service)}.
	 */
	record ChatMessageView(Instant receivedAt, String channel, String title, String body) {

		boolean firing() {
			return this.title.startsWith("[FIRING");
		}

		String alertName() {
			String[] words = this.title.split(" ");
			return (words.length > 1) ? words[1] : "";
		}

	}

}
