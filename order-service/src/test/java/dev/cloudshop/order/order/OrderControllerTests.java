package dev.cloudshop.order.order;

import java.io.UnsupportedEncodingException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import dev.cloudshop.order.idempotency.IdempotencyKeys;
import dev.cloudshop.servicedefaults.problem.ProblemDetailsAutoConfiguration;
import dev.cloudshop.testinfra.ProblemAssert;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;

/**
 * The HTTP contract of placing an order, with the Idempotency-Key protocol at work and
 * the saga, the keys and the orders mocked: statuses, problems and headers for each
 * answer a client can get.
 */
@WebMvcTest(OrderController.class)
@Import(IdempotentPlacement.class)
@ImportAutoConfiguration(ProblemDetailsAutoConfiguration.class)
class OrderControllerTests {

	private static final String BODY = """
			{"customerId": "ada", "email": "ada@example.com", "paymentToken": "tok_approve",
			 "lines": [{"sku": "KB-0001", "quantity": 2}]}
			""";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Orders orders;

	@MockitoBean
	OrderPlacement placement;

	@MockitoBean
	IdempotencyKeys keys;

	@MockitoBean
	PlacementAdmission admission;

	private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SagaProperties.class)
	static class Settings {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

	@BeforeEach
	void admitsPlacements() {
		given(this.admission.tryStart()).willReturn(true);
		given(this.admission.capacity()).willReturn(16);
		given(this.admission.retryAfter()).willReturn(Duration.ofSeconds(1));
	}

	@Test
	void createsAnOrderAndAnswersItsSettledState() {
		Order order = order(OrderStatus.PROCESSED);
		givenFirstRequest(order);

		MvcTestResult result = place("key-1", BODY);

		assertThat(result).hasStatus(201)
			.hasHeader("Location", "/api/orders/" + order.getId())
			.doesNotContainHeader(OrderController.REPLAYED);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("PROCESSED");
		assertThat(result).bodyJson().extractingPath("$.total.amount").isEqualTo(178.00);
		then(this.placement).should().create("ada", "ada@example.com", List.of(new OrderLine("KB-0001", 2, null)));
		then(this.placement).should().run(order.getId(), "tok_approve");
		then(this.admission).should().done();
	}

	@Test
	void answersAcceptedWhileTheNewOrderIsStillSettling() {
		Order order = order(OrderStatus.PAYMENT_UNKNOWN);
		givenFirstRequest(order);

		MvcTestResult result = place("key-1", BODY);

		assertThat(result).hasStatus(202).hasHeader("Location", "/api/orders/" + order.getId());
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("PAYMENT_UNKNOWN");
	}

	@Test
	void answersAFailedOrderWithItsReason() {
		Order order = order(OrderStatus.PENDING);
		order.fail(FailureReason.OUT_OF_STOCK, "Only 1 of KB-0001 left", NOW);
		givenFirstRequest(order);

		MvcTestResult result = place("key-1", BODY);

		assertThat(result).hasStatus(201);
		assertThat(result).bodyJson().extractingPath("$.failureReason").isEqualTo("OUT_OF_STOCK");
		assertThat(result).bodyJson().extractingPath("$.failureDetail").isEqualTo("Only 1 of KB-0001 left");
	}

	@Test
	void refusesAnOrderWithoutAnIdempotencyKey() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.content(BODY)
			.exchange();

		problem(result).hasStatus(400).hasType("idempotency-key-missing").hasField("Idempotency-Key");
		thenNothingWasClaimed();
	}

	@Test
	void refusesAnIdempotencyKeyLongerThan255Characters() {
		problem(place("k".repeat(256), BODY)).hasStatus(400)
			.hasType("idempotency-key-missing")
			.hasField("Idempotency-Key");
		thenNothingWasClaimed();
	}

	@Test
	void refusesAKeyReusedForAnotherBody() {
		given(this.keys.claim(eq("key-1"), anyString(), any()))
			.willReturn(new IdempotencyKeys.Claim.DifferentRequest());

		problem(place("key-1", BODY)).hasStatus(422)
			.hasType("idempotency-key-reused")
			.hasTitle("Idempotency-Key reused");
		then(this.placement).should(never()).run(any(), anyString());
	}

	@Test
	void fingerprintsTheBodySoThatOnlyTheSameRequestMatches() {
		given(this.keys.claim(anyString(), anyString(), any()))
			.willReturn(new IdempotencyKeys.Claim.DifferentRequest());
		String otherQuantity = BODY.replace("\"quantity\": 2", "\"quantity\": 3");

		place("key-1", BODY);
		place("key-1", BODY);
		place("key-1", otherQuantity);

		ArgumentCaptor<String> fingerprints = ArgumentCaptor.forClass(String.class);
		then(this.keys).should(times(3)).claim(eq("key-1"), fingerprints.capture(), any());
		assertThat(fingerprints.getAllValues().get(0)).isEqualTo(fingerprints.getAllValues().get(1))
			.isNotEqualTo(fingerprints.getAllValues().get(2));
	}

	@Test
	void answersConflictWhileTheFirstRequestWithTheKeyIsStillRunning() {
		Order order = order(OrderStatus.STOCK_RESERVED);
		givenEarlierRequest(order, NOW);

		problem(place("key-1", BODY)).hasStatus(409).hasType("request-in-progress");
		then(this.placement).should(never()).run(any(), anyString());
	}

	@Test
	void answersTheUnsettledOrderOnceTheRecoveryJobHasIt() {
		Order order = order(OrderStatus.PAYMENT_UNKNOWN);
		givenEarlierRequest(order, NOW.minus(Duration.ofMinutes(1)));

		MvcTestResult result = place("key-1", BODY);

		assertThat(result).hasStatus(202).hasHeader(OrderController.REPLAYED, "true");
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("PAYMENT_UNKNOWN");
	}

	@Test
	void replaysASettledOrderForTheSameKey() {
		Order order = order(OrderStatus.PROCESSED);
		givenEarlierRequest(order, NOW);

		MvcTestResult result = place("key-1", BODY);

		assertThat(result).hasStatus(201)
			.hasHeader(OrderController.REPLAYED, "true")
			.hasHeader("Location", "/api/orders/" + order.getId());
		assertThat(result).bodyJson().extractingPath("$.id").isEqualTo(order.getId().toString());
		then(this.placement).should(never()).create(anyString(), anyString(), anyList());
		then(this.placement).should(never()).run(any(), anyString());
	}

	@Test
	void refusesAnInvalidFieldWithAProblemNamingIt() {
		String badEmail = BODY.replace("ada@example.com", "not-an-email");

		MvcTestResult result = place("key-1", badEmail);

		assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		problem(result).hasStatus(400).hasType("validation-failed").hasField("email").doesNotMention("not-an-email");
		thenNothingWasClaimed();
	}

	@Test
	void refusesTheSameProductOnTwoLines() {
		String twice = """
				{"customerId": "ada", "email": "ada@example.com", "paymentToken": "tok_approve",
				 "lines": [{"sku": "KB-0001", "quantity": 1}, {"sku": "KB-0001", "quantity": 2}]}
				""";

		problem(place("key-1", twice)).hasStatus(400).hasType("validation-failed").hasField("lines[1].sku");
		thenNothingWasClaimed();
	}

	@Test
	void refusesAnUnknownField() {
		String extra = BODY.replace("\"customerId\"", "\"discount\": 100, \"customerId\"");

		problem(place("key-1", extra)).hasStatus(400).hasField("discount");
		thenNothingWasClaimed();
	}

	@Test
	void shedsAnOrderBeyondItsCapacityWithRetryAfter() {
		given(this.admission.tryStart()).willReturn(false);

		MvcTestResult result = place("key-1", BODY);

		assertThat(result).hasHeader("Retry-After", "1");
		problem(result).hasStatus(503).hasType("overloaded").hasMember("service", "order-service");
		thenNothingWasClaimed();
		then(this.admission).should(never()).done();
	}

	@Test
	void givesItsCapacityBackWhenAPlacementFails() {
		given(this.keys.claim(anyString(), anyString(), any())).willThrow(new IllegalStateException("boom"));

		assertThat(place("key-1", BODY)).hasStatus(500);

		then(this.admission).should().done();
	}

	@Test
	void answersAnUnknownOrderWithNotFound() {
		UUID id = UUID.randomUUID();
		given(this.orders.findById(id)).willReturn(Optional.empty());

		problem(this.mvc.get().uri("/api/orders/{id}", id).exchange()).hasStatus(404)
			.hasType("not-found")
			.hasMember("orderId", id);
	}

	private void givenFirstRequest(Order order) {
		given(this.placement.create(anyString(), anyString(), anyList())).willReturn(order);
		given(this.keys.claim(eq("key-1"), anyString(), any())).willAnswer((invocation) -> {
			Supplier<UUID> createOrder = invocation.getArgument(2);
			return new IdempotencyKeys.Claim.First(createOrder.get());
		});
		given(this.placement.run(order.getId(), "tok_approve")).willReturn(order);
	}

	private void givenEarlierRequest(Order order, Instant since) {
		given(this.keys.claim(eq("key-1"), anyString(), any()))
			.willReturn(new IdempotencyKeys.Claim.Earlier(order.getId(), since));
		given(this.orders.findById(order.getId())).willReturn(Optional.of(order));
	}

	private void thenNothingWasClaimed() {
		then(this.keys).should(never()).claim(anyString(), anyString(), any());
		then(this.placement).should(never()).create(anyString(), anyString(), anyList());
	}

	private MvcTestResult place(String key, String body) {
		return this.mvc.post()
			.uri("/api/orders")
			.header(OrderController.IDEMPOTENCY_KEY, key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private static ProblemAssert problem(MvcTestResult result) {
		return ProblemAssert.of(result.getResponse().getStatus(), result.getResponse().getContentType(), body(result));
	}

	private static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString();
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A stored order of two keyboards that got as far as the status.
	 */
	private static Order order(OrderStatus status) {
		Order order = new Order("ada", "ada@example.com", List.of(new OrderLine("KB-0001", 2, null)), NOW);
		ReflectionTestUtils.setField(order, "id", UUID.randomUUID());
		if (status == OrderStatus.PENDING) {
			return order;
		}
		order.stockReserved(List.of(new OrderLine("KB-0001", 2, new BigDecimal("89.00"))), "EUR", NOW);
		if (status == OrderStatus.PAYMENT_UNKNOWN) {
			order.paymentUnknown(NOW);
		}
		if (status == OrderStatus.PAID || status == OrderStatus.PROCESSED) {
			order.paid(UUID.randomUUID(), NOW);
		}
		if (status == OrderStatus.PROCESSED) {
			order.processed(NOW);
		}
		return order;
	}

}
