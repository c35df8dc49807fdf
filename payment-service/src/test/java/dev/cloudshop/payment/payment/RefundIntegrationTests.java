package dev.cloudshop.payment.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.cloudshop.payment.PaymentServiceTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import static dev.cloudshop.payment.payment.PaymentRequests.paymentOf;
import static dev.cloudshop.payment.payment.PaymentRequests.uniqueOrderId;
import static dev.cloudshop.testinfra.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

@PaymentServiceTest
class RefundIntegrationTests {

	@RegisterExtension
	final PaymentRequests requests = new PaymentRequests();

	@Autowired
	Payments payments;

	@Autowired
	Clock clock;

	@Test
	void refundsAnApprovedPayment() {
		Payment payment = this.payments
			.saveAndFlush(Payment.approved(uniqueOrderId(), new BigDecimal("49.90"), "EUR", this.clock.instant()));

		PaymentView refunded = paymentOf(this.requests.refund(payment.getId()), HttpStatus.OK);

		assertThat(refunded.id()).isEqualTo(payment.getId());
		assertThat(refunded.status()).isEqualTo(PaymentStatus.REFUNDED);
		assertThat(refunded.updatedAt()).isAfter(payment.getUpdatedAt());
		assertThat(this.payments.findById(payment.getId())).get()
			.extracting(Payment::getStatus)
			.isEqualTo(PaymentStatus.REFUNDED);
	}

	@Test
	void answersTheSameRefundToARepeatedRefund() {
		Payment payment = this.payments
			.saveAndFlush(Payment.approved(uniqueOrderId(), new BigDecimal("49.90"), "EUR", this.clock.instant()));
		PaymentView first = paymentOf(this.requests.refund(payment.getId()), HttpStatus.OK);

		this.requests.refund(payment.getId()).expectStatus().isOk().expectBody(PaymentView.class).isEqualTo(first);
	}

	@Test
	void refusesToRefundADeclinedPayment() {
		Payment payment = this.payments.saveAndFlush(Payment.declined(uniqueOrderId(), new BigDecimal("49.90"), "EUR",
				DeclineReason.CARD_DECLINED, this.clock.instant()));

		assertThatProblem(this.requests.refund(payment.getId())).hasStatus(409)
			.hasType("refund-not-allowed")
			.hasMember("paymentId", payment.getId().toString())
			.hasInstance("/api/payments/" + payment.getId() + "/refund");
		assertThat(this.payments.findById(payment.getId())).get()
			.extracting(Payment::getStatus, Payment::getUpdatedAt)
			.containsExactly(PaymentStatus.DECLINED, payment.getUpdatedAt());
	}

	@Test
	void answersNotFoundForAnUnknownPayment() {
		UUID unknown = UUID.randomUUID();

		assertThatProblem(this.requests.refund(unknown)).hasStatus(404)
			.hasType("not-found")
			.hasMember("paymentId", unknown.toString());
	}

	@Test
	void refusesAMalformedPaymentId() {
		assertThatProblem(this.requests.refund("not-a-uuid")).hasStatus(400)
			.hasType("validation-failed")
			.hasField("paymentId")
			.doesNotMention("not-a-uuid");
	}

}
