package dev.cloudshop.endtoend;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

/**
 * A steady stream of orders through the gateway from a background thread, as shoppers
 * would place them: a distinct Idempotency-Key each, mostly approved payments and every
 * fifth declined, a few skus, now and then two lines. It records every answer; once a
 * fault is over it retries every order that got no order back (a 503 or 504 asks for
 * that) with the same key and the same body, as a client told to retry would.
 */
final class OrderLoad implements AutoCloseable {

	private final Gateway gateway;

	private final String run;

	private final String customerId;

	private final String email;

	private final List<String> skus;

	private final Duration interval;

	private final AtomicInteger sequence = new AtomicInteger();

	private final List<Placement> placements = new CopyOnWriteArrayList<>();

	private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

	private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();

	private final ExecutorService senders = Executors.newCachedThreadPool();

	/**
	 * @param gateway the shop's entry point
	 * @param run this load's name: every Idempotency-Key starts with it, and it is the
	 * customer
	 * @param skus the products ordered, each with enough stock for the whole load
	 * @param ordersPerSecond how many orders are placed each second
	 */
	OrderLoad(Gateway gateway, String run, List<String> skus, int ordersPerSecond) {
		this(gateway, run, skus, Duration.ofMillis(1000 / ordersPerSecond));
	}

	/**
	 * @param gateway the shop's entry point
	 * @param run this load's name: every Idempotency-Key starts with it, and it is the
	 * customer
	 * @param skus the products ordered, each with enough stock for the whole load
	 * @param interval the time between two orders
	 */
	OrderLoad(Gateway gateway, String run, List<String> skus, Duration interval) {
		this.gateway = gateway;
		this.run = run;
		this.customerId = run;
		this.email = run + "@example.com";
		this.skus = List.copyOf(skus);
		this.interval = interval;
	}

	String customerId() {
		return this.customerId;
	}

	/**
	 * The prefix of every Idempotency-Key this load sends.
	 */
	String keyPrefix() {
		return this.run + "-";
	}

	void start() {
		this.clock.scheduleAtFixedRate(() -> {
			Placement placement = next();
			this.placements.add(placement);
			this.senders.execute(() -> send(placement, false));
		}, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Places no more orders and waits for the answers of those under way.
	 */
	void stop() {
		this.clock.shutdownNow();
		this.senders.shutdown();
		try {
			if (!this.senders.awaitTermination(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Orders still unanswered 60 s after the load stopped");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.clock.shutdownNow();
		this.senders.shutdownNow();
	}

	private Placement next() {
		int n = this.sequence.incrementAndGet();
		List<Line> lines = new ArrayList<>();
		lines.add(new Line(this.skus.get(n % this.skus.size()), 1 + n % 3));
		if (n % 4 == 0) {
			lines.add(new Line(this.skus.get((n + 1) % this.skus.size()), 1));
		}
		return new Placement(keyPrefix() + n, (n % 5 == 0) ? "tok_decline" : "tok_approve", lines);
	}

	private Answer send(Placement placement, boolean retry) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("customerId", this.customerId);
		body.put("email", this.email);
		body.put("lines",
				placement.lines()
					.stream()
					.map((line) -> Map.<String, Object>of("sku", line.sku(), "quantity", line.quantity()))
					.toList());
		body.put("paymentToken", placement.token());
		Instant sent = Instant.now();
		Answer answer;
		try {
			Gateway.Response response = this.gateway.postJson("/api/orders", body,
					Map.of("Idempotency-Key", placement.key()));
			String orderId = null;
			String status = null;
			String reason = null;
			if (response.status() == 201 || response.status() == 202) {
				JsonNode order = response.json();
				orderId = order.path("id").asString(null);
				status = order.path("status").asString(null);
				reason = order.path("failureReason").asString(null);
			}
			answer = new Answer(placement, retry, sent, Instant.now(), response.status(), response.contentType(),
					response.body(), orderId, status, reason, null);
		}
		catch (RuntimeException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			answer = new Answer(placement, retry, sent, Instant.now(), 0, null, null, null, null, null,
					cause.getClass().getSimpleName() + ": " + cause.getMessage());
		}
		this.answers.add(answer);
		return answer;
	}

	/**
	 * Retries, with its own key and body, every order whose answers so far gave no order
	 * back, until each is answered with its order or the time is up.
	 * @param within how long to keep retrying
	 */
	void retryUnanswered(Duration within) {
		long deadline = System.nanoTime() + within.toNanos();
		while (System.nanoTime() < deadline) {
			List<Placement> pending = this.placements.stream().filter((placement) -> !isAnswered(placement)).toList();
			if (pending.isEmpty()) {
				return;
			}
			pending.forEach((placement) -> send(placement, true));
			sleep(Duration.ofSeconds(2));
		}
	}

	private boolean isAnswered(Placement placement) {
		return answersTo(placement).stream().anyMatch(Answer::accepted);
	}

	List<Placement> placements() {
		return List.copyOf(this.placements);
	}

	List<Answer> answersTo(Placement placement) {
		return this.answers.stream()
			.filter((answer) -> answer.placement().equals(placement))
			.sorted(Comparator.comparing(Answer::sentAt))
			.toList();
	}

	List<Answer> answers() {
		return List.copyOf(this.answers);
	}

	/**
	 * When the first order placed since the given moment was answered as a healthy shop
	 * answers it: processed when approved, declined when declined.
	 */
	Optional<Instant> firstHealthyAnswerSince(Instant since) {
		return this.answers.stream()
			.filter((answer) -> !answer.retry() && !answer.sentAt().isBefore(since) && answer.healthy())
			.map(Answer::answeredAt)
			.min(Comparator.naturalOrder());
	}

	/**
	 * Waits for an order placed since the given moment to be answered as a healthy shop
	 * answers it.
	 * @return whether one was
	 */
	boolean awaitHealthyAnswerSince(Instant since, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (firstHealthyAnswerSince(since).isEmpty()) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			sleep(Duration.ofMillis(200));
		}
		return true;
	}

	Optional<Instant> lastSent() {
		return this.answers.stream().map(Answer::sentAt).max(Comparator.naturalOrder());
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Line(String sku, int quantity) {

	}

	/**
	 * One order as the load placed it.
	 */
	record Placement(String key, String token, List<Line> lines) {

		boolean declines() {
			return this.token.equals("tok_decline");
		}

	}

	/**
	 * One answer the gateway gave.
	 *
	 * @param status the HTTP status, 0 when no answer came
	 * @param failure why no answer came
	 */
	record Answer(Placement placement, boolean retry, Instant sentAt, Instant answeredAt, int status,
			String contentType, String body, String orderId, String orderStatus, String failureReason, String failure) {

		/** The order's state: it was taken. */
		boolean accepted() {
			return (this.status == 201 || this.status == 202) && this.orderId != null;
		}

		boolean failedFast() {
			return this.status == 503 || this.status == 504;
		}

		boolean healthy() {
			if (this.status != 201) {
				return false;
			}
			return this.placement.declines()
					? "FAILED".equals(this.orderStatus) && "PAYMENT_DECLINED".equals(this.failureReason)
					: "PROCESSED".equals(this.orderStatus);
		}

		String describe() {
			if (this.status == 0) {
				return "no answer (" + this.failure + ")";
			}
			String text = (this.body != null) ? this.body.replaceAll("\\s+", " ") : "";
			return this.status + " " + this.contentType + " "
					+ ((text.length() > 300) ? text.substring(0, 300) + "..." : text);
		}

	}

}
