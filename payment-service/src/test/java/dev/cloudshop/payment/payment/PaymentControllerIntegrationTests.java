package dev.cloudshop.payment.payment;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.cloudshop.testinfra.RealPostgres;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
@AutoConfigureRestTestClient
@Import(RealPostgres.class)
class PaymentControllerIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	Payments payments;

	@Test
	void returnsTheApprovedPaymentOfAnOrder() {
		String orderId = uniqueOrderId();
		Payment payment = this.payments.save(Payment.approved(orderId, new BigDecimal("129.90"), "EUR"));
		this.payments.save(Payment.approved(uniqueOrderId(), new BigDecimal("5.00"), "EUR"));

		this.client.get()
			.uri("/api/payments?orderId={orderId}", orderId)
			.exchange()
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
	void showsWhyAPaymentWasDeclined() {
		String orderId = uniqueOrderId();
		this.payments.save(Payment.declined(orderId, new BigDecimal("9999.00"), "EUR", "INSUFFICIENT_FUNDS"));

		this.client.get()
			.uri("/api/payments?orderId={orderId}", orderId)
			.exchange()
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
		Payment payment = Payment.approved(orderId, new BigDecimal("20.00"), "EUR");
		payment.refund();
		this.payments.save(payment);

		this.client.get()
			.uri("/api/payments?orderId={orderId}", orderId)
			.exchange()
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
		this.payments.save(Payment.approved(orderId, new BigDecimal("20.00"), "EUR"));

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.payments.save(Payment.approved(orderId, new BigDecimal("20.00"), "EUR")));
		this.client.get()
			.uri("/api/payments?orderId={orderId}", orderId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.orderId")
			.value((found) -> assertThat(found).isEqualTo(orderId));
	}

	@Test
	void returnsNotFoundProblemForAnOrderWithoutPayment() {
		String orderId = uniqueOrderId();

		this.client.get()
			.uri("/api/payments?orderId={orderId}", orderId)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.title")
			.isEqualTo("Unknown payment")
			.jsonPath("$.orderId")
			.isEqualTo(orderId);
	}

	@Test
	void returnsBadRequestProblemWithoutOrderId() {
		this.client.get()
			.uri("/api/payments")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat(detail).asString().contains("orderId"));
	}

	@Test
	void returnsBadRequestProblemForBlankOrderId() {
		this.client.get()
			.uri("/api/payments?orderId=")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private static String uniqueOrderId() {
		return UUID.randomUUID().toString();
	}

}
