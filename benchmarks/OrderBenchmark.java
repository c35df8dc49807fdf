import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Places orders through the gateway of a running suite and prints what a user would ask:
 * how long placing an order takes at a steady rate, the highest rate it sustains with no
 * errors, and how long until the customer's notification is recorded.
 *
 * Run against a started local stack: java benchmarks/OrderBenchmark.java [gatewayUrl] [inventoryUrl]
 */
public class OrderBenchmark {

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	static final String SKU = "MS-0002";

	public static void main(String[] args) throws Exception {
		String gateway = (args.length > 0) ? args[0] : "http://localhost:8080";
		String inventory = (args.length > 1) ? args[1] : "http://localhost:8082";
		// Enough stock for every order the benchmark places.
		send(HttpRequest.newBuilder(URI.create(inventory + "/admin/products/" + SKU + "/stock"))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"available\": 1000000}"))
			.build());
		System.out.println("Warming up (20 s at 5 orders/s)...");
		run(gateway, 5, 20);

		Result steady = run(gateway, 10, 30);
		System.out.printf("%nSteady rate: 10 orders/s for 30 s through the gateway%n");
		System.out.printf("  placed %d, errors %d, order placement latency p50 %d ms, p99 %d ms%n", steady.ok(),
				steady.errors(), steady.percentile(50), steady.percentile(99));

		List<Long> notificationDelays = notificationDelays(gateway, steady.orders());
		Collections.sort(notificationDelays);
		if (!notificationDelays.isEmpty()) {
			System.out.printf("  order accepted -> notification recorded: p50 %d ms, p99 %d ms (%d orders)%n",
					percentile(notificationDelays, 50), percentile(notificationDelays, 99), notificationDelays.size());
		}

		System.out.printf("%nHighest sustained rate with no errors (15 s per step):%n");
		int best = 0;
		for (int rate = 10; rate <= 200; rate += 10) {
			Result step = run(gateway, rate, 15);
			System.out.printf("  %3d orders/s: placed %d, errors %d, p99 %d ms%n", rate, step.ok(), step.errors(),
					step.percentile(99));
			if (step.errors() > 0 || step.percentile(99) > 2000 || step.ok() < rate * 15 * 0.98) {
				break;
			}
			best = rate;
		}
		System.out.printf("  => %d orders/s sustained with no errors and p99 under 2 s%n", best);
	}

	record Placed(String orderId, long acceptedAtMillis) {
	}

	record Result(List<Long> latencies, int errors, List<Placed> orders) {

		int ok() {
			return this.latencies.size();
		}

		long percentile(int p) {
			List<Long> sorted = new ArrayList<>(this.latencies);
			Collections.sort(sorted);
			return OrderBenchmark.percentile(sorted, p);
		}

	}

	static long percentile(List<Long> sorted, int p) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

	/**
	 * Places orders at a fixed rate (open model: a slow answer does not slow the arrivals).
	 */
	static Result run(String gateway, int perSecond, int seconds) throws InterruptedException {
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Placed> orders = new ConcurrentLinkedQueue<>();
		AtomicInteger errors = new AtomicInteger();
		int total = perSecond * seconds;
		CountDownLatch done = new CountDownLatch(total);
		ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
		var workers = Executors.newCachedThreadPool();
		AtomicInteger sent = new AtomicInteger();
		clock.scheduleAtFixedRate(() -> {
			if (sent.getAndIncrement() >= total) {
				return;
			}
			workers.submit(() -> {
				long start = System.nanoTime();
				try {
					HttpResponse<String> response = send(order(gateway));
					long millis = (System.nanoTime() - start) / 1_000_000;
					if (response.statusCode() == 201 && response.body().contains("\"PROCESSED\"")) {
						latencies.add(millis);
						String id = response.body().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
						orders.add(new Placed(id, System.currentTimeMillis()));
					}
					else {
						errors.incrementAndGet();
					}
				}
				catch (Exception ex) {
					errors.incrementAndGet();
				}
				finally {
					done.countDown();
				}
			});
		}, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
		done.await(seconds + 60L, TimeUnit.SECONDS);
		clock.shutdownNow();
		workers.shutdown();
		return new Result(new ArrayList<>(latencies), errors.get() + (int) done.getCount(), new ArrayList<>(orders));
	}

	static HttpRequest order(String gateway) {
		String body = "{\"customerId\":\"bench\",\"email\":\"bench@example.com\",\"lines\":[{\"sku\":\"" + SKU
				+ "\",\"quantity\":1}],\"paymentToken\":\"tok_approve\"}";
		return HttpRequest.newBuilder(URI.create(gateway + "/api/orders"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	/**
	 * For each order, the time from its 201 to the moment its notification is visible.
	 */
	static List<Long> notificationDelays(String gateway, List<Placed> orders) throws Exception {
		List<Long> delays = new ArrayList<>();
		long deadline = System.currentTimeMillis() + 60_000;
		List<Placed> waiting = new ArrayList<>(orders);
		while (!waiting.isEmpty() && System.currentTimeMillis() < deadline) {
			List<Placed> still = new ArrayList<>();
			for (Placed placed : waiting) {
				HttpResponse<String> response = send(HttpRequest
					.newBuilder(URI.create(gateway + "/api/notifications?orderId=" + placed.orderId()))
					.build());
				String body = response.body();
				if (response.statusCode() == 200 && body.contains("createdAt")) {
					String createdAt = body.replaceAll("(?s).*?\"createdAt\":\"([^\"]+)\".*", "$1");
					long recorded = java.time.Instant.parse(createdAt).toEpochMilli();
					delays.add(Math.max(0, recorded - placed.acceptedAtMillis()));
				}
				else {
					still.add(placed);
				}
			}
			waiting = still;
			Thread.sleep(200);
		}
		return delays;
	}

	static HttpResponse<String> send(HttpRequest request) throws Exception {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
