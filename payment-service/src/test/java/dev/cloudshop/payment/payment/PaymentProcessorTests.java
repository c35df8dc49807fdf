package dev.cloudshop.payment.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

class PaymentProcessorTests {

	private static final Instant AT = Instant.parse("2026-11-22T10:00:00.123456Z");

	private final Payments payments = mock(Payments.class);

	private final PaymentProcessor processor = new PaymentProcessor(this.payments,
			new SimulatorProperties(Duration.ofSeconds(1)), Clock.fixed(AT, ZoneOffset.UTC));

	@Test
	void answersThePaymentOfAnIdenticalChargeThatWonTheRace() {
		Payment winner = Payment.approved("order-1", new BigDecimal("49.90"), "EUR", AT);
		given(this.payments.findByOrderId("order-1")).willReturn(Optional.empty(), Optional.of(winner));
		given(this.payments.saveAndFlush(any())).willThrow(new DataIntegrityViolationException("duplicate key"));

		PaymentProcessor.Charge charge = this.processor.charge(request("order-1", "49.9", "EUR", "tok_approve"));

		assertThat(charge.payment()).isSameAs(winner);
		assertThat(charge.created()).isFalse();
	}

	@Test
	void refusesAChargeThatLostTheRaceToADifferentOne() {
		Payment winner = Payment.approved("order-1", new BigDecimal("49.90"), "EUR", AT);
		given(this.payments.findByOrderId("order-1")).willReturn(Optional.empty(), Optional.of(winner));
		given(this.payments.saveAndFlush(any())).willThrow(new DataIntegrityViolationException("duplicate key"));

		assertThatExceptionOfType(PaymentConflictException.class)
			.isThrownBy(() -> this.processor.charge(request("order-1", "50.00", "EUR", "tok_approve")));
	}

	@Test
	void passesOnAnIntegrityViolationThatIsNotADuplicate() {
		DataIntegrityViolationException violation = new DataIntegrityViolationException("check constraint");
		given(this.payments.findByOrderId("order-1")).willReturn(Optional.empty());
		given(this.payments.saveAndFlush(any())).willThrow(violation);

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.processor.charge(request("order-1", "49.90", "EUR", "tok_approve")))
			.isSameAs(violation);
	}

	@Test
	void checksTheTokenBeforeAnythingElse() {
		assertThatExceptionOfType(UnknownTokenException.class)
			.isThrownBy(() -> this.processor.charge(request("order-1", "49.90", "EUR", "tok_unknown")));
		then(this.payments).shouldHaveNoInteractions();
	}

	@Test
	void answersARepeatedChargeAtOnceEvenForTheSlowToken() {
		Payment first = Payment.approved("order-1", new BigDecimal("49.90"), "EUR", AT);
		given(this.payments.findByOrderId("order-1")).willReturn(Optional.of(first));
		long started = System.nanoTime();

		PaymentProcessor.Charge charge = this.processor.charge(request("order-1", "49.90", "EUR", "tok_slow"));

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
		assertThat(charge.payment()).isSameAs(first);
		then(this.payments).should(never()).saveAndFlush(any());
	}

	@Test
	void makesTheSlowTokenWaitBeforeItApproves() {
		given(this.payments.findByOrderId("order-1")).willReturn(Optional.empty());
		given(this.payments.saveAndFlush(any())).willAnswer((invocation) -> invocation.getArgument(0));
		long started = System.nanoTime();

		PaymentProcessor.Charge charge = this.processor.charge(request("order-1", "49.90", "EUR", "tok_slow"));

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		assertThat(charge.created()).isTrue();
		assertThat(charge.payment().getStatus()).isEqualTo(PaymentStatus.APPROVED);
	}

	private static ChargeRequest request(String orderId, String amount, String currency, String token) {
		return new ChargeRequest(orderId, new BigDecimal(amount), currency, token);
	}

}
