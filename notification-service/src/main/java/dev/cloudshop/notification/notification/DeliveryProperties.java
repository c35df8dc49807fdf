package dev.cloudshop.notification.notification;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the emails of recorded notifications are sent (see {@link EmailOutbox}).
 *
 * @param pollInterval how long the sender waits after a run before it looks for due
 * emails again
 * @param batchSize the most emails one run sends, so that a run (and a shutdown waiting
 * for it) stays short
 * @param retry when an email that could not be sent is tried again
 */
@ConfigurationProperties("notification.delivery")
@Validated
record DeliveryProperties(@DefaultValue("1s") @NotNull Duration pollInterval,
		@DefaultValue("50") @Positive int batchSize, @DefaultValue @Valid Retry retry) {

	/**
	 * Exponential back-off between the attempts of one email, without a limit on their
	 * number: an email is never given up because the mail server is down.
	 *
	 * @param initialInterval the wait after the first failed attempt
	 * @param multiplier how much longer each next wait is
	 * @param maxInterval the longest wait, and so the longest an email waits once the
	 * mail server is back
	 */
	record Retry(@DefaultValue("1s") @NotNull Duration initialInterval,
			@DefaultValue("2") @DecimalMin("1.0") double multiplier,
			@DefaultValue("1m") @NotNull Duration maxInterval) {

		/**
		 * @param failedAttempts the attempts that failed so far, at least one
		 * @return how long to wait before the next attempt
		 */
		Duration delayAfter(int failedAttempts) {
			double millis = this.initialInterval.toMillis()
					* Math.pow(this.multiplier, Math.max(0, failedAttempts - 1));
			return (millis >= this.maxInterval.toMillis()) ? this.maxInterval : Duration.ofMillis((long) millis);
		}

	}

}
