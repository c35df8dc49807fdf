package dev.cloudshop.inventory.reservation;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.cloudshop.inventory.input.NoControlCharacters;
import dev.cloudshop.servicedefaults.problem.InvalidFieldException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reservation API order-service calls through Eureka. Not routed by the gateway.
 */
@RestController
@RequestMapping("/api/reservations")
class ReservationController {

	static final int MAX_QUANTITY = 100;

	static final int MAX_LINES = 50;

	private static final String UNIQUE_VIOLATION = "23505";

	private final ReservationService reservations;

	ReservationController(ReservationService reservations) {
		this.reservations = reservations;
	}

	/**
	 * Holds stock for an order: 201 when this call made the reservation, 200 when it
	 * repeats one made before.
	 */
	@PostMapping
	ResponseEntity<ReservationView> reserve(@Valid @RequestBody ReserveRequest request) {
		Map<String, Integer> quantities = request.quantities();
		ReservationService.Reserved reserved;
		try {
			reserved = this.reservations.reserve(request.orderId(), quantities);
		}
		catch (DataIntegrityViolationException ex) {
			if (!isDuplicateKey(ex)) {
				throw ex;
			}
			// A concurrent request for the same order made it first.
			reserved = this.reservations.replay(request.orderId(), quantities);
		}
		ReservationView view = ReservationView.of(reserved.reservation());
		if (reserved.created()) {
			return ResponseEntity.created(URI.create("/api/reservations/" + request.orderId())).body(view);
		}
		return ResponseEntity.ok(view);
	}

	// Only a duplicate order id: any other violation is no repeated request, and
	// answering it with the reservation it did not find would hide it.
	private static boolean isDuplicateKey(DataIntegrityViolationException ex) {
		return ex.getMostSpecificCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState());
	}

	@GetMapping("/{orderId}")
	ReservationView show(@PathVariable String orderId) {
		return ReservationView.of(this.reservations.find(orderId));
	}

	@PostMapping("/{orderId}/commit")
	ReservationView commit(@PathVariable String orderId) {
		return ReservationView.of(this.reservations.commit(orderId));
	}

	@PostMapping("/{orderId}/release")
	ReservationView release(@PathVariable String orderId) {
		return ReservationView.of(this.reservations.release(orderId));
	}

	record ReserveRequest(
			@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,64}",
					message = "must be 1 to 64 letters, digits and dashes") String orderId,
			@NotEmpty @Size(max = MAX_LINES) List<@NotNull @Valid LineRequest> lines) {

		Map<String, Integer> quantities() {
			Map<String, Integer> quantities = new TreeMap<>();
			for (LineRequest line : this.lines) {
				if (quantities.put(line.sku(), line.quantity()) != null) {
					throw new InvalidFieldException("lines", "lists the sku " + line.sku() + " more than once");
				}
			}
			return quantities;
		}

	}

	record LineRequest(@NotBlank @Size(max = 64) @NoControlCharacters String sku,
			@NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity) {
	}

}
