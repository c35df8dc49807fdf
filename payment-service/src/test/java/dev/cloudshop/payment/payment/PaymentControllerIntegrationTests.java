package dev.cloudshop.payment.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.cloudshop.payment.PaymentServiceTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;

import static dev.cloudshop.payment.payment.PaymentRequests.uniqueOrderId;
import static dev.cloudshop.testinfra.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@PaymentServiceTest
class PaymentControllerIntegrationTests {

	@RegisterExtension
	final PaymentRequests requests = new PaymentRequests();

	@Autowired
	RestTestClient client;

	@Autowired
	Payments payments;

	@Autowired
	Clock clock;

	@Test
	void returnsTheApprovedPaymentOfAnOrder() {
		String orderId = uniqueOrderId();
		Payment payment = this.payments
			.saveAndFlush(Payment.approved(orderId, new BigDecimal("129.90"), "EUR", this.clock.instant()));
		this.payments
			.saveAndFlush(Payment.approved(uniqueOrderId(), new BigDecimal("5.00"), "EUR", this.clock.instant()));

		this.requests.paymentOfOrder(orderId)
			.expectStatus()
			.isOk()
			.expectBody()
			.json("""
					{
					  "id": "%s",
					  "orderId": "%s",
					  "amount": { "amount": 129.90, "currency": "EUR" },
					  "status": "APPROVED",
					  "declineReason": null,
					  "createdAt": "%s",
					  "updatedAt": "%s"
					}
					""".formatted(payment.getId(), orderId, payment.getCreatedAt(), payment.getUpdatedAt()),
					JsonCompareMode.STRICT);
	}

	@Test
	void returnsAPaymentById() {
		Payment payment = this.payments
			.saveAndFlush(Payment.approved(uniqueOrderId(), new BigDecimal("7"), "JPY", this.clock.instant()));

		this.client.get()
			.uri("/api/payments/{id}", payment.getId())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("\"id\":\"" + payment.getId() + "\"")
				.contains("\"amount\":{\"amount\":7,\"currency\":\"JPY\"}"));
	}

	@Test
	void writesTheAmountWithTheDecimalsOfItsCurrency() {
		String orderId = uniqueOrderId();
		this.payments.saveAndFlush(Payment.approved(orderId, new BigDecimal("12.5"), "KWD", this.clock.instant()));

		this.requests.paymentOfOrder(orderId)
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("\"amount\":{\"amount\":12.500,\"currency\":\"KWD\"}"));
	}

	@Test
	void showsWhyAPaymentWasDeclined() {
		String orderId = uniqueOrderId();
		this.payments.saveAndFlush(Payment.declined(orderId, new BigDecimal("9999.00"), "EUR",
				DeclineReason.INSUFFICIENT_FUNDS, this.clock.instant()));

		this.requests.paymentOfOrder(orderId)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DECLINED")
			.jsonPath("$.declineReason")
			.isEqualTo("INSUFFICIENT_FUNDS")
			.jsonPath("$.amount.amount")
			.isEqualTo(9999.0);
	}

	@Test
	void showsARefundedPaymentAsRefunded() {
		String orderId = uniqueOrderId();
		Payment payment = Payment.approved(orderId, new BigDecimal("20.00"), "EUR", this.clock.instant());
		payment.refund(this.clock.instant());
		this.payments.saveAndFlush(payment);

		this.requests.paymentOfOrder(orderId)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("REFUNDED")
			.jsonPath("$.updatedAt")
			.isEqualTo(payment.getUpdatedAt().toString());
	}

	@Test
	void storesAtMostOnePaymentPerOrder() {
		String orderId = uniqueOrderId();
		this.payments.saveAndFlush(Payment.approved(orderId, new BigDecimal("20.00"), "EUR", this.clock.instant()));

		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.payments
			.saveAndFlush(Payment.approved(orderId, new BigDecimal("20.00"), "EUR", this.clock.instant())));
		this.requests.paymentOfOrder(orderId)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.orderId")
			.value((found) -> assertThat(found).isEqualTo(orderId));
	}

	@Test
	void returnsNotFoundProblemForAnOrderWithoutPayment() {
		String orderId = uniqueOrderId();

		assertThatProblem(this.requests.paymentOfOrder(orderId)).hasStatus(404)
			.hasType("not-found")
			.hasTitle("Unknown payment")
			.hasMember("orderId", orderId)
			.hasInstance("/api/payments");
	}

	@Test
	void returnsNotFoundProblemForAnUnknownPaymentId() {
		UUID unknown = UUID.randomUUID();

		assertThatProblem(this.client.get().uri("/api/payments/{id}", unknown).exchange()).hasStatus(404)
			.hasType("not-found")
			.hasMember("paymentId", unknown.toString());
	}

	@Test
	void returnsBadRequestProblemWithoutOrderId() {
		assertThatProblem(this.client.get().uri("/api/payments").exchange()).hasStatus(400)
			.hasType("validation-failed")
			.hasField("orderId")
			.hasDetailContaining("orderId");
	}

	@Test
	void returnsBadRequestProblemForBlankOrderId() {
		assertThatProblem(this.client.get().uri("/api/payments?orderId=").exchange()).hasStatus(400)
			.hasType("validation-failed")
			.hasErrorsFor("orderId");
	}

}
