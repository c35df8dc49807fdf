package dev.cloudshop.notification.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * The emails waiting to be sent, as gauges to alert on: how many
 * ({@code notification_emails_pending}) and how long the oldest has waited
 * ({@code notification_email_oldest_pending_age_seconds}, {@code 0} when none waits).
 * <p>
 * Counted by the sender after each run rather than when scraped: a scrape never waits for
 * the database, and while the database is down the age goes on growing from the oldest
 * pending email last seen.
 */
@Component
class EmailBacklog {

	private static final Logger logger = LoggerFactory.getLogger(EmailBacklog.class);

	private final Notifications notifications;

	private final Clock clock;

	private volatile Snapshot snapshot = new Snapshot(0, null);

	EmailBacklog(Notifications notifications, MeterRegistry meterRegistry, Clock clock) {
		this.notifications = notifications;
		this.clock = clock;
		Gauge.builder("notification.emails.pending", this, (backlog) -> backlog.snapshot.pending())
			.description("Emails recorded but not yet accepted by the mail server")
			.register(meterRegistry);
		TimeGauge
			.builder("notification.email.oldest.pending.age", this, TimeUnit.SECONDS,
					(backlog) -> backlog.oldestPendingAgeSeconds())
			.description("How long the oldest email not yet accepted by the mail server has waited")
			.register(meterRegistry);
	}

	/**
	 * Counts the pending emails again.
	 */
	void refresh() {
		try {
			long pending = this.notifications.countByStatus(Notification.Status.PENDING);
			Instant oldest = this.notifications.findOldestCreatedAtByStatus(Notification.Status.PENDING).orElse(null);
			this.snapshot = new Snapshot(pending, oldest);
		}
		catch (DataAccessException | TransactionException ex) {
			logger.debug("Could not count the pending emails", ex);
		}
	}

	private double oldestPendingAgeSeconds() {
		Instant oldest = this.snapshot.oldest();
		return (oldest != null) ? Math.max(0, Duration.between(oldest, this.clock.instant()).toMillis() / 1000.0) : 0;
	}

	private record Snapshot(long pending, Instant oldest) {
	}

}
