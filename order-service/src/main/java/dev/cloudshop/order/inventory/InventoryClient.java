package dev.cloudshop.order.inventory;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

import dev.cloudshop.order.resilience.CallPolicy;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * Reserves, commits and releases stock. Every call is idempotent on the order id
 * (inventory-service guarantees it), so each is retried on failure.
 */
@Component
public class InventoryClient {

	private final RestClient http;

	private final CallPolicy policy;

	InventoryClient(@Qualifier("inventoryRestClient") RestClient http,
			@Qualifier("inventoryPolicy") CallPolicy policy) {
		this.http = http;
		this.policy = policy;
	}

	/**
	 * Holds every line for the order, or none.
	 * @return the reservation at the catalog's prices, or why there is none
	 */
	public ReservationOutcome reserve(String orderId, List<Line> lines) {
		try {
			Reservation reservation = this.policy.call(() -> this.http.post()
				.uri("/api/reservations")
				.body(new ReserveRequest(orderId, lines))
				.retrieve()
				.body(Reservation.class));
			return new ReservationOutcome.Reserved(reservation);
		}
		catch (HttpClientErrorException ex) {
			JsonNode problem = ex.getResponseBodyAs(JsonNode.class);
			String type = (problem != null && problem.has("type")) ? problem.get("type").asString() : "";
			if (ex.getStatusCode().value() == HttpStatus.CONFLICT.value() && type.endsWith("/insufficient-stock")) {
				return new ReservationOutcome.OutOfStock(problem.path("detail").asString());
			}
			if (ex.getStatusCode().value() == HttpStatus.UNPROCESSABLE_CONTENT.value()) {
				return new ReservationOutcome.Rejected(problem != null ? problem.path("detail").asString() : "");
			}
			throw ex;
		}
	}

	public void commit(String orderId) {
		this.policy.call(() -> this.http.post()
			.uri("/api/reservations/{orderId}/commit", orderId)
			.retrieve()
			.toBodilessEntity());
	}

	/**
	 * Gives held stock back; a reservation that was never made, or that expired, is
	 * nothing to release.
	 * @return whether the reservation is released (or was never made); {@code false} if
	 * inventory-service refused because it is in another final state
	 */
	public boolean release(String orderId) {
		try {
			this.policy.call(() -> this.http.post()
				.uri("/api/reservations/{orderId}/release", orderId)
				.retrieve()
				.toBodilessEntity());
			return true;
		}
		catch (HttpClientErrorException.NotFound ex) {
			// Never reserved: nothing to give back.
			return true;
		}
		catch (HttpClientErrorException.Conflict ex) {
			return false;
		}
	}

	/**
	 * One line to reserve.
	 */
	public record Line(String sku, int quantity) {
	}

	record ReserveRequest(String orderId, List<Line> lines) {
	}

	/**
	 * A reservation as inventory-service answers it; fields this service does not read
	 * are ignored.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Reservation(String orderId, String status, List<PricedLine> lines, Money total) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record PricedLine(String sku, int quantity, Money unitPrice) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Money(BigDecimal amount, String currency) {
	}

	/**
	 * What a reservation request came to.
	 */
	public sealed interface ReservationOutcome {

		/** Stock is held. */
		record Reserved(Reservation reservation) implements ReservationOutcome {
		}

		/** Not enough stock of some product. */
		record OutOfStock(String detail) implements ReservationOutcome {
		}

		/** A product is not in the catalog, or the lines cannot be reserved together. */
		record Rejected(String detail) implements ReservationOutcome {
		}

	}

}
