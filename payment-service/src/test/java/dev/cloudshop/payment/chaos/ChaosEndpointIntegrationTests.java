package dev.cloudshop.payment.chaos;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cloudshop.payment.PaymentServiceTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@PaymentServiceTest
class ChaosEndpointIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void turnChaosOff() {
		this.client.delete().uri("/actuator/chaos").exchange().expectStatus().isOk();
	}

	@Test
	void isOffByDefault() {
		this.client.get().uri("/actuator/chaos").exchange().expectStatus().isOk().expectBody().json("""
				{"latencyMs": 0, "errorRate": 0.0}
				""");
	}

	@Test
	void failsEveryChargeAtAnErrorRateOfOneAndStoresNothing() {
		changeChaos("{\"errorRate\": 1.0}").expectBody().json("""
				{"latencyMs": 0, "errorRate": 1.0}
				""");
		String orderId = UUID.randomUUID().toString();

		charge(orderId).expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://cloudshop.dev/problems/injected-fault")
			.jsonPath("$.traceId")
			.isNotEmpty();
		assertThat(paymentsOf(orderId)).isZero();

		this.client.delete().uri("/actuator/chaos").exchange().expectStatus().isOk();
		charge(orderId).expectStatus().isCreated();
		assertThat(paymentsOf(orderId)).isOne();
	}

	@Test
	void failsRefundsTooAndChangesNothing() {
		String orderId = UUID.randomUUID().toString();
		String paymentId = charge(orderId).expectStatus()
			.isCreated()
			.expectBody()
			.returnResult()
			.getResponseHeaders()
			.getLocation()
			.getPath()
			.replace("/api/payments/", "");
		changeChaos("{\"latencyMs\": 0, \"errorRate\": 1}");

		this.client.post()
			.uri("/api/payments/{id}/refund", paymentId)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://cloudshop.dev/problems/injected-fault");
		assertThat(this.jdbc.queryForObject("select status from payment where order_id = ?", String.class, orderId))
			.isEqualTo("APPROVED");
	}

	@Test
	void leavesReadsAlone() {
		changeChaos("{\"errorRate\": 1.0}");

		this.client.get().uri("/api/payments?orderId={id}", UUID.randomUUID()).exchange().expectStatus().isNotFound();
	}

	@Test
	void turnsOffWithZeros() {
		changeChaos("{\"latencyMs\": 100, \"errorRate\": 1.0}");

		changeChaos("{\"latencyMs\": 0, \"errorRate\": 0}").expectBody().json("""
				{"latencyMs": 0, "errorRate": 0.0}
				""");
		charge(UUID.randomUUID().toString()).expectStatus().isCreated();
	}

	@Test
	void keepsASettingLeftOut() {
		changeChaos("{\"latencyMs\": 100, \"errorRate\": 0.25}");

		changeChaos("{\"errorRate\": 0.5}").expectBody().json("""
				{"latencyMs": 100, "errorRate": 0.5}
				""");
	}

	@Test
	void slowsEveryChargeByTheLatency() {
		changeChaos("{\"latencyMs\": 400}");
		long started = System.nanoTime();

		charge(UUID.randomUUID().toString()).expectStatus().isCreated();

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
	}

	@Test
	void refusesSettingsOutOfRange() {
		changeChaos("{\"latencyMs\": -1, \"errorRate\": 1.5}").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://cloudshop.dev/problems/validation-failed")
			.jsonPath("$.errors[*].field")
			.value((fields) -> assertThat(fields).asList().containsExactlyInAnyOrder("latencyMs", "errorRate"));
		changeChaos("{\"latencyMs\": 2.5}").expectStatus().isBadRequest();
		changeChaos("{\"latencyMs\": 60001}").expectStatus().isBadRequest();

		this.client.get().uri("/actuator/chaos").exchange().expectBody().json("""
				{"latencyMs": 0, "errorRate": 0.0}
				""");
	}

	@Test
	void refusesSettingsThatAreNotNumbers() {
		changeChaos("{\"errorRate\": \"half\"}").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://cloudshop.dev/problems/malformed-request")
			.jsonPath("$.title")
			.isEqualTo("Malformed request");
	}

	private RestTestClient.ResponseSpec changeChaos(String settings) {
		return this.client.post()
			.uri("/actuator/chaos")
			.contentType(MediaType.APPLICATION_JSON)
			.body(settings)
			.exchange();
	}

	private RestTestClient.ResponseSpec charge(String orderId) {
		return this.client.post().uri("/api/payments").contentType(MediaType.APPLICATION_JSON).body("""
				{"orderId": "%s", "amount": 10.00, "currency": "EUR", "paymentToken": "tok_approve"}
				""".formatted(orderId)).exchange();
	}

	private int paymentsOf(String orderId) {
		return this.jdbc.queryForObject("select count(*) from payment where order_id = ?", Integer.class, orderId);
	}

}
