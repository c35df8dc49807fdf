package dev.cloudshop.order.order;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import tools.jackson.databind.json.JsonMapper;

import dev.cloudshop.order.idempotency.IdempotencyKeys;
import dev.cloudshop.order.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

	private final Orders orders;

	private final OrderPlacement placement;

	private final IdempotencyKeys keys;

	private final JsonMapper json;

	private final SagaProperties saga;

	OrderController(Orders orders, OrderPlacement placement, IdempotencyKeys keys, JsonMapper json,
			SagaProperties saga) {
		this.orders = orders;
		this.placement = placement;
		this.keys = keys;
		this.json = json;
		this.saga = saga;
	}

	/**
	 * Places an order and runs the saga: 201 with the order PROCESSED or FAILED (with its
	 * reason), or 202 while its payment outcome is unknown. The Idempotency-Key header is
	 * required: the same key with the same body replays the first response, with another
	 * body it is a 422, and while the first request runs a 409.
	 */
	@PostMapping
	ResponseEntity<String> place(@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
			@Valid @RequestBody PlaceOrderRequest request) {
		requireKey(key);
		IdempotencyKeys.Claim claim = this.keys.claim(key, fingerprint(request));
		if (claim instanceof IdempotencyKeys.Claim.DifferentRequest) {
			throw problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
					"This Idempotency-Key was used for a different request");
		}
		if (claim instanceof IdempotencyKeys.Claim.Completed completed) {
			return json(completed.status(), completed.body(), null).header("Idempotent-Replayed", "true")
				.body(completed.body());
		}
		if (claim instanceof IdempotencyKeys.Claim.InProgress inProgress) {
			return stillRunning(key, inProgress);
		}
		Order order;
		try {
			order = this.placement.create(request.customerId(), request.email(),
					request.lines().stream().map((line) -> new OrderLine(line.sku(), line.quantity(), null)).toList());
		}
		catch (RuntimeException ex) {
			this.keys.release(key);
			throw ex;
		}
		this.keys.orderCreated(key, order.getId());
		order = this.placement.run(order.getId(), request.paymentToken());
		return respond(key, order);
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
	 * A request whose first attempt has not answered yet: a 409, unless that attempt died
	 * (its order is older than a live saga ever is), then the order's current state.
	 */
	private ResponseEntity<String> stillRunning(String key, IdempotencyKeys.Claim.InProgress inProgress) {
		boolean abandoned = inProgress.orderId() != null
				&& inProgress.since().isBefore(Instant.now().minus(this.saga.staleAfter()));
		if (!abandoned) {
			throw problem(HttpStatus.CONFLICT, "request-in-progress", "Request in progress",
					"A request with this Idempotency-Key is still being processed; retry in a moment");
		}
		return respond(key, this.orders.findById(inProgress.orderId()).orElseThrow());
	}

	private ResponseEntity<String> respond(String key, Order order) {
		int status = order.getStatus().isSettled() ? HttpStatus.CREATED.value() : HttpStatus.ACCEPTED.value();
		String body = this.json.writeValueAsString(OrderView.of(order));
		this.keys.completed(key, status, body);
		return json(status, body, order.getId()).body(body);
	}

	private static ResponseEntity.BodyBuilder json(int status, String body, UUID orderId) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
		if (orderId != null) {
			response.location(URI.create("/api/orders/" + orderId));
		}
		return response;
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
		return new ErrorResponseException(status, Problems.of(status, slug, title, detail), null);
	}

	private static ErrorResponseException unknownOrder(UUID id) {
		ErrorResponseException exception = problem(HttpStatus.NOT_FOUND, "not-found", "Unknown order",
				"No order has the id " + id);
		exception.getBody().setProperty("orderId", id);
		return exception;
	}

}
