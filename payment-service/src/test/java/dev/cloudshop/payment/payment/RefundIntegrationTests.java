package dev.cloudshop.payment.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.cloudshop.payment.PaymentServiceTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static dev.cloudshop.testinfra.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

@PaymentServiceTest
class RefundIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	Payments payments;

	@Autowired
	Clock clock;

	@Test
	void refundsAnApprovedPayment() {
		Payment payment = this.payments.saveAndFlush(
				Payment.approved(UUID.randomUUID().toString(), new BigDecimal("49.90"), "EUR", this.clock.instant()));

		PaymentView refunded = refund(payment.getId()).expectStatus()
			.isOk()
			.expectBody(PaymentView.class)
			.returnResult()
			.getResponseBody();

		assertThat(refunded.id()).isEqualTo(payment.getId());
		assertThat(refunded.status()).isEqualTo(PaymentStatus.REFUNDED);
		assertThat(refunded.updatedAt()).isAfter(payment.getUpdatedAt());
		assertThat(this.payments.findById(payment.getId())).get()
			.extracting(Payment::getStatus)
			.isEqualTo(PaymentStatus.REFUNDED);
	}

	@Test
	void answersTheSameRefundToARepeatedRefund() {
		Payment payment = this.payments.saveAndFlush(
				Payment.approved(UUID.randomUUID().toString(), new BigDecimal("49.90"), "EUR", this.clock.instant()));
		PaymentView first = refund(payment.getId()).expectStatus()
			.isOk()
			.expectBody(PaymentView.class)
			.returnResult()
			.getResponseBody();

		refund(payment.getId()).expectStatus().isOk().expectBody(PaymentView.class).isEqualTo(first);
	}

	@Test
	void refusesToRefundADeclinedPayment() {
		Payment payment = this.payments.saveAndFlush(Payment.declined(UUID.randomUUID().toString(),
				new BigDecimal("49.90"), "EUR", DeclineReason.CARD_DECLINED, this.clock.instant()));

		refund(payment.getId()).expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://cloudshop.dev/problems/refund-not-allowed")
			.jsonPath("$.paymentId")
			.isEqualTo(payment.getId().toString())
			.jsonPath("$.instance")
			.isEqualTo("/api/payments/" + payment.getId() + "/refund");
		assertThat(this.payments.findById(payment.getId())).get()
			.extracting(Payment::getStatus, Payment::getUpdatedAt)
			.containsExactly(PaymentStatus.DECLINED, payment.getUpdatedAt());
	}

	@Test
	void answersNotFoundForAnUnknownPayment() {
		UUID unknown = UUID.randomUUID();

		refund(unknown).expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://cloudshop.dev/problems/not-found")
			.jsonPath("$.paymentId")
			.isEqualTo(unknown.toString());
	}

	@Test
	void refusesAMalformedPaymentId() {
		assertThatProblem(this.client.post().uri("/api/payments/{id}/refund", "not-a-uuid").exchange()).hasStatus(400)
			.hasType("validation-failed")
			.hasField("paymentId")
			.doesNotMention("not-a-uuid");
	}

	private RestTestClient.ResponseSpec refund(UUID paymentId) {
		return this.client.post().uri("/api/payments/{id}/refund", paymentId).exchange();
	}

}
