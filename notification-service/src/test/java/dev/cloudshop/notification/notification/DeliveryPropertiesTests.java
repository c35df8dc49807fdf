package dev.cloudshop.notification.notification;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryPropertiesTests {

	private final DeliveryProperties.Retry retry = new DeliveryProperties.Retry(Duration.ofSeconds(1), 2,
			Duration.ofMinutes(1));

	@Test
	void waitsLongerAfterEachFailedAttempt() {
		assertThat(this.retry.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.retry.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.retry.delayAfter(3)).isEqualTo(Duration.ofSeconds(4));
		assertThat(this.retry.delayAfter(6)).isEqualTo(Duration.ofSeconds(32));
	}

	@Test
	void neverWaitsLongerThanTheLongestIntervalHoweverManyAttemptsFailed() {
		assertThat(this.retry.delayAfter(7)).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.retry.delayAfter(100_000)).isEqualTo(Duration.ofMinutes(1));
	}

}
