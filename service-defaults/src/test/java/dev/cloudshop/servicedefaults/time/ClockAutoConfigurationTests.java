package dev.cloudshop.servicedefaults.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ClockAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ClockAutoConfiguration.class));

	@Test
	void givesEveryServiceAUtcClockInWholeMicroseconds() {
		this.runner.run((context) -> {
			Clock clock = context.getBean(Clock.class);
			assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
			for (int i = 0; i < 1000; i++) {
				assertThat(clock.instant().getNano() % 1000).isZero();
			}
		});
	}

	@Test
	void backsOffForAServicesOwnClock() {
		Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
		this.runner.withBean(Clock.class, () -> fixed)
			.run((context) -> assertThat(context.getBean(Clock.class)).isSameAs(fixed));
	}

}
