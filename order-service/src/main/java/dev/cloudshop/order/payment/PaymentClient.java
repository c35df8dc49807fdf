package dev.cloudshop.order.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.cloudshop.order.resilience.CallPolicy;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Charges, voids and refunds payments. A charge is idempotent per order id, but it is
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
	 * Makes sure the order is never charged from now on, and tells what its payment is:
	 * the charge made (approved or declined) if one landed, or a void that keeps any
	 * charge still on its way from landing. Idempotent, so it is retried.
	 * @return the order's payment: approved, declined, refunded or voided
	 */
	public Payment voidCharge(String orderId) {
		return this.policy.call(() -> this.http.post()
			.uri("/api/payments/void")
			.body(new VoidRequest(orderId))
			.retrieve()
			.body(Payment.class));
	}

	public Payment refund(UUID paymentId) {
		return this.policy.call(() -> this.http.post()
			.uri("/api/payments/{paymentId}/refund", paymentId)
			.retrieve()
			.body(Payment.class));
	}

	record ChargeRequest(String orderId, BigDecimal amount, String currency, String paymentToken) {
	}

	record VoidRequest(String orderId) {
	}

	/**
	 * A payment as payment-service answers it; fields this service does not read are
	 * ignored.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Payment(UUID id, String orderId, String status, String declineReason) {

		public boolean isApproved() {
			return "APPROVED".equals(this.status);
		}

		public boolean isDeclined() {
			return "DECLINED".equals(this.status);
		}

		/**
		 * @return whether no charge was made and none can be any more
		 */
		public boolean isVoided() {
			return "VOIDED".equals(this.status);
		}

	}

}
