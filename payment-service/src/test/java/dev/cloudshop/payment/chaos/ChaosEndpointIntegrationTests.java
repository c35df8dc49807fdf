package dev.cloudshop.payment.chaos;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cloudshop.payment.PaymentServiceTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static dev.cloudshop.testinfra.ProblemAssert.assertThatProblem;
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

		assertThatProblem(charge(orderId)).hasStatus(503).hasType("injected-fault").hasTraceId();
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

		assertThatProblem(this.client.post().uri("/api/payments/{id}/refund", paymentId).exchange()).hasStatus(503)
			.hasType("injected-fault");
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
		assertThatProblem(changeChaos("{\"latencyMs\": -1, \"errorRate\": 1.5}")).hasStatus(400)
			.hasType("validation-failed")
			.satisfies((problem) -> assertThat(problem.path("errors").findValuesAsString("field"))
				.containsExactlyInAnyOrder("latencyMs", "errorRate"));
		changeChaos("{\"latencyMs\": 2.5}").expectStatus().isBadRequest();
		changeChaos("{\"latencyMs\": 60001}").expectStatus().isBadRequest();

		this.client.get().uri("/actuator/chaos").exchange().expectBody().json("""
				{"latencyMs": 0, "errorRate": 0.0}
				""");
	}

	@Test
	void refusesSettingsThatAreNotNumbers() {
		assertThatProblem(changeChaos("{\"errorRate\": \"half\"}")).hasStatus(400)
			.hasType("malformed-request")
			.hasTitle("Malformed request");
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
