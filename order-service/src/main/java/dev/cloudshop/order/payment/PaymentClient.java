package dev.cloudshop.order.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

import dev.cloudshop.order.resilience.CallPolicy;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * Charges, looks up and refunds payments. A charge is idempotent per order id, but it is
 * sent once: a timed-out charge leaves the order waiting for the recovery job to ask
 * payment-service what happened, which is the point of the unknown-outcome state.
 */
@Component
public class PaymentClient {

	private final RestClient http;

	private final CallPolicy policy;

	PaymentClient(@Qualifier("paymentRestClient") RestClient http, @Qualifier("paymentPolicy") CallPolicy policy) {
		this.http = http;
		this.policy = policy;
	}

	public Payment charge(String orderId, BigDecimal amount, String currency, String paymentToken) {
		// Exactly the currency's decimals (two for EUR), as a payment provider expects.
		BigDecimal exact = amount.setScale(Currency.getInstance(currency).getDefaultFractionDigits(),
				RoundingMode.UNNECESSARY);
		return this.policy.callOnce(() -> this.http.post()
			.uri("/api/payments")
			.body(new ChargeRequest(orderId, exact, currency, paymentToken))
			.retrieve()
			.body(Payment.class));
	}

	/**
	 * @return the payment of the order, or empty if payment-service has none
	 */
	public Optional<Payment> find(String orderId) {
		try {
			return Optional.ofNullable(this.policy.call(() -> this.http.get()
				.uri("/api/payments?orderId={orderId}", orderId)
				.retrieve()
				.body(Payment.class)));
		}
		catch (HttpClientErrorException.NotFound ex) {
			return Optional.empty();
		}
	}

	public Payment refund(UUID paymentId) {
		return this.policy.call(() -> this.http.post()
			.uri("/api/payments/{paymentId}/refund", paymentId)
			.retrieve()
			.body(Payment.class));
	}

	record ChargeRequest(String orderId, BigDecimal amount, String currency, String paymentToken) {
	}

	/**
	 * A payment as payment-service answers it; fields this service does not read are
	 * ignored.
	 */
	public record Payment(UUID id, String orderId, String status, String declineReason) {

		public boolean isApproved() {
			return "APPROVED".equals(this.status);
		}

		public boolean isDeclined() {
			return "DECLINED".equals(this.status);
		}

	}

}
