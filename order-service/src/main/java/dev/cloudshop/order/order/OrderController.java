package dev.cloudshop.order.order;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import dev.cloudshop.servicedefaults.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The orders API: placing an order, and reading orders back.
 */
@RestController
@RequestMapping("/api/orders")
class OrderController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	static final String REPLAYED = "Idempotent-Replayed";

	private final Orders orders;

	private final IdempotentPlacement placement;

	private final PlacementAdmission admission;

	OrderController(Orders orders, IdempotentPlacement placement, PlacementAdmission admission) {
		this.orders = orders;
		this.placement = placement;
		this.admission = admission;
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
			throw new AtCapacityException(this.admission.capacity(), this.admission.retryAfter());
		}
		try {
			IdempotentPlacement.Placed placed = this.placement.place(key, request);
			return respond(placed.order(), placed.replayed());
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
		return this.orders.findById(id).map(OrderView::of).orElseThrow(() -> new UnknownOrderException(id));
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
			throw Problems.exception(Problems.ofField(HttpStatus.BAD_REQUEST, "idempotency-key-missing",
					"Idempotency-Key required", IDEMPOTENCY_KEY,
					"Send an Idempotency-Key header (1 to 255 characters, e.g. a UUID) so a retry never orders twice"));
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

}
