package dev.cloudshop.order.order;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import tools.jackson.databind.json.JsonMapper;

import dev.cloudshop.order.idempotency.IdempotencyKeys;
import dev.cloudshop.servicedefaults.problem.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
class OrderController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	static final String REPLAYED = "Idempotent-Replayed";

	private final Orders orders;

	private final OrderPlacement placement;

	private final IdempotencyKeys keys;

	private final PlacementAdmission admission;

	private final JsonMapper json;

	private final SagaProperties saga;

	OrderController(Orders orders, OrderPlacement placement, IdempotencyKeys keys, PlacementAdmission admission,
			JsonMapper json, SagaProperties saga) {
		this.orders = orders;
		this.placement = placement;
		this.keys = keys;
		this.admission = admission;
		this.json = json;
		this.saga = saga;
	}

	/**
	 * Places an order and runs the saga: 201 with the order PROCESSED or FAILED (with its
	 * reason), or 202 while it is still settling. The Idempotency-Key header is required:
	 * the same key with the same body answers the order's current state (201 once it is
	 * settled), with another body it is a 422, and while the first request runs a 409. An
	 * instance at capacity answers 503 with a Retry-After before storing anything.
	 */
	@PostMapping
	ResponseEntity<OrderView> place(@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
			@Valid @RequestBody PlaceOrderRequest request) {
		requireKey(key);
		requireEachSkuOnce(request);
		if (!this.admission.tryStart()) {
			throw overloaded();
		}
		try {
			IdempotencyKeys.Claim claim = this.keys.claim(key, fingerprint(request), () -> this.placement.create(
					request.customerId(), request.email(),
					request.lines().stream().map((line) -> new OrderLine(line.sku(), line.quantity(), null)).toList())
				.getId());
			if (claim instanceof IdempotencyKeys.Claim.First first) {
				return respond(this.placement.run(first.orderId(), request.paymentToken()), false);
			}
			if (claim instanceof IdempotencyKeys.Claim.Earlier earlier) {
				return replay(earlier);
			}
			throw problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
					"This Idempotency-Key was used for a different request");
		}
		finally {
			this.admission.done();
		}
	}

	@GetMapping
	@Transactional(readOnly = true)
	List<OrderView> byCustomer(@RequestParam @NotBlank String customerId) {
		return this.orders.findByCustomerIdOrderByCreatedAtDesc(customerId).stream().map(OrderView::of).toList();
	}

	@GetMapping("/{id}")
	@Transactional(readOnly = true)
	OrderView byId(@PathVariable UUID id) {
		return this.orders.findById(id).map(OrderView::of).orElseThrow(() -> unknownOrder(id));
	}

	/**
	 * The same request came before: its order as it stands now. A 409 while the first
	 * request may still be running its saga; once that is over (the saga finished, or the
	 * recovery job has the order), the order's state.
	 */
	private ResponseEntity<OrderView> replay(IdempotencyKeys.Claim.Earlier earlier) {
		Order order = this.orders.findById(earlier.orderId()).orElseThrow();
		boolean firstMayStillRun = earlier.since().isAfter(Instant.now().minus(this.saga.staleAfter()));
		if (!order.getStatus().isSettled() && firstMayStillRun) {
			throw problem(HttpStatus.CONFLICT, "request-in-progress", "Request in progress",
					"A request with this Idempotency-Key is still being processed; retry in a moment");
		}
		return respond(order, true);
	}

	private static ResponseEntity<OrderView> respond(Order order, boolean replayed) {
		ResponseEntity.BodyBuilder response = ResponseEntity
			.status(order.getStatus().isSettled() ? HttpStatus.CREATED : HttpStatus.ACCEPTED)
			.location(URI.create("/api/orders/" + order.getId()));
		if (replayed) {
			response.header(REPLAYED, "true");
		}
		return response.body(OrderView.of(order));
	}

	private static void requireKey(String key) {
		if (key == null || key.isBlank() || key.length() > 255) {
			ErrorResponseException missing = problem(HttpStatus.BAD_REQUEST, "idempotency-key-missing",
					"Idempotency-Key required",
					"Send an Idempotency-Key header (1 to 255 characters, e.g. a UUID) so a retry never orders twice");
			missing.getBody().setProperty("field", IDEMPOTENCY_KEY);
			throw missing;
		}
	}

	/**
	 * One line per product: a second line of the same sku is a client mistake, refused
	 * like any invalid field rather than guessed at.
	 */
	private static void requireEachSkuOnce(PlaceOrderRequest request) {
		Set<String> seen = new HashSet<>();
		List<Problems.FieldError> errors = new ArrayList<>();
		for (int i = 0; i < request.lines().size(); i++) {
			if (!seen.add(request.lines().get(i).sku())) {
				errors.add(new Problems.FieldError("lines[" + i + "].sku",
						"names a product an earlier line has: order each product once, with its whole quantity"));
			}
		}
		if (!errors.isEmpty()) {
			throw Problems.exception(Problems.validationFailed(errors));
		}
	}

	private ErrorResponseException overloaded() {
		long seconds = Math.max(1, this.admission.retryAfter().toSeconds());
		ErrorResponseException overloaded = problem(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Too busy",
				"order-service is placing " + this.admission.capacity()
						+ " orders already; nothing was stored: retry in " + seconds
						+ " s with the same Idempotency-Key");
		overloaded.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		overloaded.getBody().setProperty("service", "order-service");
		return overloaded;
	}

	private String fingerprint(PlaceOrderRequest request) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(this.json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ErrorResponseException problem(HttpStatus status, String slug, String title, String detail) {
		return Problems.exception(Problems.of(status, slug, title, detail));
	}

	private static ErrorResponseException unknownOrder(UUID id) {
		ErrorResponseException exception = problem(HttpStatus.NOT_FOUND, "not-found", "Unknown order",
				"No order has the id " + id);
		exception.getBody().setProperty("orderId", id);
		return exception;
	}

}
