package dev.cloudshop.payment.payment;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.cloudshop.payment.PaymentServiceTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static dev.cloudshop.payment.payment.PaymentRequests.paymentOf;
import static dev.cloudshop.payment.payment.PaymentRequests.uniqueOrderId;
import static dev.cloudshop.testinfra.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

@PaymentServiceTest
class ChargeIntegrationTests {

	@RegisterExtension
	final PaymentRequests requests = new PaymentRequests();

	@Autowired
	RestTestClient client;

	@ParameterizedTest
	@CsvSource(nullValues = "-", value = { "tok_approve, APPROVED, -", "tok_decline, DECLINED, CARD_DECLINED",
			"tok_insufficient_funds, DECLINED, INSUFFICIENT_FUNDS", "tok_fraud, DECLINED, SUSPECTED_FRAUD" })
	void storesAndAnswersTheOutcomeOfItsToken(String token, String status, String reason) {
		String orderId = uniqueOrderId();

		PaymentView payment = paymentOf(this.requests.charge(orderId, token), HttpStatus.CREATED);

		assertThat(payment.orderId()).isEqualTo(orderId);
		assertThat(payment.status()).hasToString(status);
		assertThat(payment.declineReason()).isEqualTo((reason != null) ? DeclineReason.valueOf(reason) : null);
		assertThat(payment.amount()).isEqualTo(new PaymentView.Money(new BigDecimal("49.90"), "EUR"));
		assertThat(this.requests.statusesOf(orderId)).containsExactly(status);
	}

	@Test
	void pointsToTheNewPayment() {
		EntityExchangeResult<PaymentView> created = this.requests.charge(uniqueOrderId(), "tok_approve")
			.expectStatus()
			.isCreated()
			.expectBody(PaymentView.class)
			.returnResult();
		String location = created.getResponseHeaders().getLocation().toString();

		assertThat(location).isEqualTo("/api/payments/" + created.getResponseBody().id());
		this.client.get()
			.uri(location)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(PaymentView.class)
			.isEqualTo(created.getResponseBody());
	}

	@Test
	void approvesTheSlowTokenAfterItsDelay() {
		long started = System.nanoTime();

		this.requests.charge(uniqueOrderId(), "tok_slow")
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("APPROVED");

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@ParameterizedTest
	@CsvSource({ "\"49.90\", EUR, 49.90", "1E+2, EUR, 100.00", "1500, JPY, 1500", "12.345, KWD, 12.345",
			"1000000, EUR, 1000000.00", "0.01, EUR, 0.01" })
	void takesAnAmountAsANumberOrAString(String amount, String currency, String written) {
		String body = """
				{"orderId": "%s", "amount": %s, "currency": "%s", "paymentToken": "tok_approve"}
				""".formatted(uniqueOrderId(), amount, currency);

		this.requests.charge(body)
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.value((json) -> assertThat(json)
				.contains("\"amount\":{\"amount\":" + written + ",\"currency\":\"" + currency + "\"}"));
	}

	@Test
	void answersTheSamePaymentToARepeatedCharge() {
		String orderId = uniqueOrderId();
		PaymentView first = paymentOf(this.requests.charge(orderId, "tok_approve"), HttpStatus.CREATED);

		this.requests.charge(orderId, "49.9", "EUR", "tok_approve")
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("Location")
			.expectBody(PaymentView.class)
			.isEqualTo(first);
		assertThat(this.requests.paymentsOf(orderId)).isOne();
	}

	@Test
	void answersTheSameDeclineToARepeatedChargeWithAnotherToken() {
		String orderId = uniqueOrderId();
		PaymentView first = paymentOf(this.requests.charge(orderId, "tok_decline"), HttpStatus.CREATED);

		this.requests.charge(orderId, "tok_approve")
			.expectStatus()
			.isOk()
			.expectBody(PaymentView.class)
			.isEqualTo(first);
	}

	@ParameterizedTest
	@CsvSource({ "50.00, EUR", "49.90, USD" })
	void refusesARepeatedChargeOfAnotherAmountOrCurrency(String amount, String currency) {
		String orderId = uniqueOrderId();
		PaymentView first = paymentOf(this.requests.charge(orderId, "tok_approve"), HttpStatus.CREATED);

		assertThatProblem(this.requests.charge(orderId, amount, currency, "tok_approve")).hasStatus(409)
			.hasType("payment-conflict")
			.hasTitle("Payment conflict")
			.hasDetailContaining(orderId, "49.90 EUR", "same amount and currency")
			.hasMember("paymentId", first.id().toString());

		this.requests.paymentOfOrder(orderId).expectBody(PaymentView.class).isEqualTo(first);
	}

	@Test
	void chargesOnceWhenIdenticalChargesRace() throws Exception {
		String orderId = uniqueOrderId();
		int racers = 12;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<EntityExchangeResult<PaymentView>>> results = new ArrayList<>();
		ExecutorService executor = Executors.newFixedThreadPool(racers);
		try {
			for (int i = 0; i < racers; i++) {
				results.add(executor.submit(() -> {
					start.await();
					return this.requests.charge(orderId, "tok_approve").expectBody(PaymentView.class).returnResult();
				}));
			}
			start.countDown();
			List<HttpStatus> statuses = new ArrayList<>();
			List<UUID> ids = new ArrayList<>();
			for (Future<EntityExchangeResult<PaymentView>> result : results) {
				EntityExchangeResult<PaymentView> exchange = result.get();
				statuses.add(HttpStatus.valueOf(exchange.getStatus().value()));
				ids.add(exchange.getResponseBody().id());
			}

			assertThat(statuses).containsOnlyOnce(HttpStatus.CREATED).containsOnly(HttpStatus.CREATED, HttpStatus.OK);
			assertThat(ids).hasSize(racers).doesNotContainNull().containsOnly(ids.get(0));
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.requests.paymentsOf(orderId)).isOne();
	}

	@Test
	void refusesAnUnknownTokenAndStoresNothing() {
		String orderId = uniqueOrderId();

		assertThatProblem(this.requests.charge(orderId, "tok_unknown")).hasStatus(422)
			.hasType("unknown-token")
			.hasField("paymentToken")
			.doesNotMention("tok_unknown");
		assertThat(this.requests.paymentsOf(orderId)).isZero();
	}

}
