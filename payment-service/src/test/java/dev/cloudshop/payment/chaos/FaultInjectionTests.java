package dev.cloudshop.payment.chaos;

import java.lang.reflect.Method;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class FaultInjectionTests {

	private final FaultInjection faults = new FaultInjection();

	@Test
	void injectsNothingWhenOff() {
		assertThatNoException().isThrownBy(() -> call("charge"));
	}

	@Test
	void failsEveryMarkedCallAtAnErrorRateOfOne() {
		this.faults.change(new ChaosSettings(0, 1.0));

		for (int i = 0; i < 20; i++) {
			assertThatExceptionOfType(InjectedFaultException.class).isThrownBy(() -> call("charge"))
				.satisfies((ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(503));
		}
	}

	@Test
	void failsAboutTheShareOfCallsItIsSetTo() {
		this.faults.change(new ChaosSettings(0, 0.5));
		int failed = 0;

		for (int i = 0; i < 2000; i++) {
			try {
				call("charge");
			}
			catch (InjectedFaultException ex) {
				failed++;
			}
		}

		assertThat(failed).isBetween(800, 1200);
	}

	@Test
	void delaysAMarkedCallByTheLatency() {
		this.faults.change(new ChaosSettings(150, 0.0));
		long started = System.nanoTime();

		call("charge");

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
	}

	@Test
	void leavesAnUnmarkedCallAlone() {
		this.faults.change(new ChaosSettings(0, 1.0));

		assertThatNoException().isThrownBy(() -> call("read"));
	}

	@Test
	void refusesSettingsOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ChaosSettings(-1, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new ChaosSettings(60_001, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new ChaosSettings(0, 1.01));
		assertThatIllegalArgumentException().isThrownBy(() -> new ChaosSettings(0, -0.1));
	}

	private void call(String handler) {
		try {
			Method method = Handlers.class.getDeclaredMethod(handler);
			this.faults.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(),
					new HandlerMethod(new Handlers(), method));
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static class Handlers {

		@FaultInjected
		void charge() {
		}

		void read() {
		}

	}

}
