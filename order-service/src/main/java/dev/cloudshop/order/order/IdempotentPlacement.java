package dev.cloudshop.order.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

import tools.jackson.databind.json.JsonMapper;

import dev.cloudshop.order.idempotency.IdempotencyKeys;

import org.springframework.stereotype.Component;

/**
 * The Idempotency-Key protocol of placing an order. The first request with a key creates
 * the order and runs its saga. The same request again (the same body, by its fingerprint)
 * places nothing and answers the order as it stands, once the first request can no longer
 * be running its saga: before that it is refused as in progress. Another request with the
 * key is refused.
 */
@Component
class IdempotentPlacement {

	private final IdempotencyKeys keys;

	private final OrderPlacement placement;

	private final Orders orders;

	private final JsonMapper json;

	private final SagaProperties saga;

	private final Clock clock;

	IdempotentPlacement(IdempotencyKeys keys, OrderPlacement placement, Orders orders, JsonMapper json,
			SagaProperties saga, Clock clock) {
		this.keys = keys;
		this.placement = placement;
		this.orders = orders;
		this.json = json;
		this.saga = saga;
		this.clock = clock;
	}

	/**
	 * Places the order of a request, or answers the one an earlier request with the key
	 * placed.
	 * @param key the client's Idempotency-Key
	 * @param request the order
	 * @return the order as it stands, and whether an earlier request placed it
	 * @throws IdempotencyKeyReusedException if the key came with another request before
	 * @throws RequestInProgressException if the first request may still be running
	 */
	Placed place(String key, PlaceOrderRequest request) {
		IdempotencyKeys.Claim claim = this.keys.claim(key, fingerprint(request), () -> this.placement
			.create(request.customerId(), request.email(),
					request.lines().stream().map((line) -> new OrderLine(line.sku(), line.quantity(), null)).toList())
			.getId());
		if (claim instanceof IdempotencyKeys.Claim.First first) {
			return new Placed(this.placement.run(first.orderId(), request.paymentToken()), false);
		}
		if (claim instanceof IdempotencyKeys.Claim.Earlier earlier) {
			return new Placed(replay(earlier), true);
		}
		throw new IdempotencyKeyReusedException();
	}

	/**
	 * The order of the same request, as it stands now: refused while the first request
	 * may still be running its saga; once that is over (the saga finished, or the
	 * recovery job has the order), the order's state.
	 */
	private Order replay(IdempotencyKeys.Claim.Earlier earlier) {
		Order order = this.orders.findById(earlier.orderId())
			.orElseThrow(() -> new UnknownOrderException(earlier.orderId()));
		boolean firstMayStillRun = earlier.since().isAfter(this.clock.instant().minus(this.saga.staleAfter()));
		if (!order.getStatus().isSettled() && firstMayStillRun) {
			throw new RequestInProgressException(order.getId());
		}
		return order;
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

	/**
	 * An order placed for a request.
	 *
	 * @param order the order as it stands
	 * @param replayed whether an earlier request with the same key placed it
	 */
	record Placed(Order order, boolean replayed) {
	}

}
