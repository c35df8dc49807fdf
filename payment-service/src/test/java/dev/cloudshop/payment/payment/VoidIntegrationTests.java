package dev.cloudshop.payment.payment;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.cloudshop.payment.PaymentServiceTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@PaymentServiceTest
class VoidIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void voidsAnOrderWithoutPaymentSoThatALaterChargeChargesNothing() {
		String orderId = uniqueOrderId();

		PaymentView voided = voidCharge(orderId).expectStatus()
			.isCreated()
			.expectBody(PaymentView.class)
			.returnResult()
			.getResponseBody();
		PaymentView charged = charge(orderId, "tok_approve").expectStatus()
			.isOk()
			.expectBody(PaymentView.class)
			.returnResult()
			.getResponseBody();

		assertThat(voided.status()).isEqualTo(PaymentStatus.VOIDED);
		assertThat(voided.amount()).isNull();
		assertThat(charged.id()).isEqualTo(voided.id());
		assertThat(charged.status()).isEqualTo(PaymentStatus.VOIDED);
		assertThat(statusesOf(orderId)).containsExactly("VOIDED");
	}

	@Test
	void answersTheExistingPaymentAndChangesNothing() {
		String orderId = uniqueOrderId();
		PaymentView approved = charge(orderId, "tok_approve").expectStatus()
			.isCreated()
			.expectBody(PaymentView.class)
			.returnResult()
			.getResponseBody();

		PaymentView answer = voidCharge(orderId).expectStatus()
			.isOk()
			.expectBody(PaymentView.class)
			.returnResult()
			.getResponseBody();

		assertThat(answer).isEqualTo(approved);
		assertThat(statusesOf(orderId)).containsExactly("APPROVED");
	}

	@Test
	void winsAgainstASlowChargeStillOnItsWay() throws Exception {
		String orderId = uniqueOrderId();
		// tok_slow waits 300 ms after finding no payment, then charges: the void lands in
		// between.
		CompletableFuture<PaymentView> slowCharge = CompletableFuture.supplyAsync(
				() -> charge(orderId, "tok_slow").expectBody(PaymentView.class).returnResult().getResponseBody());
		Thread.sleep(100);

		PaymentView voided = voidCharge(orderId).expectStatus()
			.isCreated()
			.expectBody(PaymentView.class)
			.returnResult()
			.getResponseBody();

		assertThat(slowCharge.get(10, TimeUnit.SECONDS).status()).isEqualTo(PaymentStatus.VOIDED);
		assertThat(voided.status()).isEqualTo(PaymentStatus.VOIDED);
		assertThat(statusesOf(orderId)).containsExactly("VOIDED");
	}

	@Test
	void refusesToRefundAVoid() {
		String orderId = uniqueOrderId();
		PaymentView voided = voidCharge(orderId).expectBody(PaymentView.class).returnResult().getResponseBody();

		this.client.post()
			.uri("/api/payments/{id}/refund", voided.id())
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(statusesOf(orderId)).containsExactly("VOIDED");
	}

	@Test
	void refusesAMalformedOrderIdAndStoresNothing() {
		Integer before = this.jdbc.queryForObject("select count(*) from payment", Integer.class);

		this.client.post()
			.uri("/api/payments/void")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"orderId\": \"not an id!\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("orderId");
		assertThat(this.jdbc.queryForObject("select count(*) from payment", Integer.class)).isEqualTo(before);
	}

	private RestTestClient.ResponseSpec voidCharge(String orderId) {
		return this.client.post()
			.uri("/api/payments/void")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"orderId\": \"%s\"}".formatted(orderId))
			.exchange();
	}

	private RestTestClient.ResponseSpec charge(String orderId, String token) {
		return this.client.post().uri("/api/payments").contentType(MediaType.APPLICATION_JSON).body("""
				{"orderId": "%s", "amount": 49.90, "currency": "EUR", "paymentToken": "%s"}
				""".formatted(orderId, token)).exchange();
	}

	private java.util.List<String> statusesOf(String orderId) {
		return this.jdbc.queryForList("select status from payment where order_id = ?", String.class, orderId);
	}

	private static String uniqueOrderId() {
		return UUID.randomUUID().toString();
	}

}
