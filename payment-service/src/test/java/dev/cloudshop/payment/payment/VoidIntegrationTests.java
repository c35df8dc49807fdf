package dev.cloudshop.payment.payment;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.cloudshop.payment.PaymentServiceTest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static dev.cloudshop.payment.payment.PaymentRequests.paymentOf;
import static dev.cloudshop.payment.payment.PaymentRequests.uniqueOrderId;
import static dev.cloudshop.testinfra.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

@PaymentServiceTest
class VoidIntegrationTests {

	@RegisterExtension
	final PaymentRequests requests = new PaymentRequests();

	@Test
	void voidsAnOrderWithoutPaymentSoThatALaterChargeChargesNothing() {
		String orderId = uniqueOrderId();

		PaymentView voided = paymentOf(this.requests.voidCharge(orderId), HttpStatus.CREATED);
		PaymentView charged = paymentOf(this.requests.charge(orderId, "tok_approve"), HttpStatus.OK);

		assertThat(voided.status()).isEqualTo(PaymentStatus.VOIDED);
		assertThat(voided.amount()).isNull();
		assertThat(charged.id()).isEqualTo(voided.id());
		assertThat(charged.status()).isEqualTo(PaymentStatus.VOIDED);
		assertThat(this.requests.statusesOf(orderId)).containsExactly("VOIDED");
	}

	@Test
	void answersTheExistingPaymentAndChangesNothing() {
		String orderId = uniqueOrderId();
		PaymentView approved = paymentOf(this.requests.charge(orderId, "tok_approve"), HttpStatus.CREATED);

		PaymentView answer = paymentOf(this.requests.voidCharge(orderId), HttpStatus.OK);

		assertThat(answer).isEqualTo(approved);
		assertThat(this.requests.statusesOf(orderId)).containsExactly("APPROVED");
	}

	@Test
	void winsAgainstASlowChargeStillOnItsWay() throws Exception {
		String orderId = uniqueOrderId();
		// tok_slow waits 300 ms after finding no payment, then charges: the void lands in
		// between.
		CompletableFuture<PaymentView> slowCharge = CompletableFuture
			.supplyAsync(() -> this.requests.charge(orderId, "tok_slow")
				.expectBody(PaymentView.class)
				.returnResult()
				.getResponseBody());
		Thread.sleep(100);

		PaymentView voided = paymentOf(this.requests.voidCharge(orderId), HttpStatus.CREATED);

		assertThat(slowCharge.get(10, TimeUnit.SECONDS).status()).isEqualTo(PaymentStatus.VOIDED);
		assertThat(voided.status()).isEqualTo(PaymentStatus.VOIDED);
		assertThat(this.requests.statusesOf(orderId)).containsExactly("VOIDED");
	}

	@Test
	void refusesToRefundAVoid() {
		String orderId = uniqueOrderId();
		PaymentView voided = this.requests.voidCharge(orderId)
			.expectBody(PaymentView.class)
			.returnResult()
			.getResponseBody();

		assertThatProblem(
				this.requests.refund(voided.id()).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.hasStatus(409);
		assertThat(this.requests.statusesOf(orderId)).containsExactly("VOIDED");
	}

	@Test
	void refusesAMalformedOrderIdAndStoresNothing() {
		int before = this.requests.payments();

		assertThatProblem(
				this.requests.voidCharge("not an id!").expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.hasStatus(400)
			.hasField("orderId");
		assertThat(this.requests.payments()).isEqualTo(before);
	}

}
