package dev.cloudshop.inventory.reservation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The reservations by status, as gauges to alert on: how many are in each status
 * ({@code inventory_reservations{status}}) and how old the oldest one still holding stock
 * ({@code RESERVED}) is ({@code inventory_reservation_oldest_held_age_seconds}, {@code 0}
 * when none holds any). Both are figures of the database, the same on every instance.
 * <p>
 * Counted by one grouped query on a schedule rather than when scraped: a scrape never
 * waits for the database. While the database does not answer the counts are unknown
 * ({@code NaN}) and the age goes on growing from the oldest held reservation last seen.
 */
@Component
class ReservationMetrics {

	private static final Logger logger = LoggerFactory.getLogger(ReservationMetrics.class);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private volatile Snapshot snapshot = Snapshot.UNKNOWN;

	ReservationMetrics(JdbcTemplate jdbc, MeterRegistry meters, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		for (ReservationStatus status : ReservationStatus.values()) {
			Gauge.builder("inventory.reservations", this, (metrics) -> metrics.count(status))
				.description("Reservations in each status, in the database")
				.tag("status", status.name())
				.register(meters);
		}
		TimeGauge
			.builder("inventory.reservation.oldest.held.age", this, TimeUnit.SECONDS,
					ReservationMetrics::oldestHeldAgeSeconds)
			.description("Age of the oldest reservation still holding stock (RESERVED)")
			.register(meters);
	}

	/**
	 * Counts the reservations again.
	 */
	@Scheduled(fixedDelayString = "${inventory.metrics.refresh-interval:10s}")
	void refresh() {
		try {
			Map<ReservationStatus, Long> counts = new EnumMap<>(ReservationStatus.class);
			for (ReservationStatus status : ReservationStatus.values()) {
				counts.put(status, 0L);
			}
			Instant[] oldestHeld = new Instant[1];
			this.jdbc.query("select status, count(*), min(created_at) from reservation group by status", (row) -> {
				ReservationStatus status = ReservationStatus.valueOf(row.getString(1));
				counts.put(status, row.getLong(2));
				Timestamp created = row.getTimestamp(3);
				if (status == ReservationStatus.RESERVED && created != null) {
					oldestHeld[0] = created.toInstant();
				}
			});
			this.snapshot = new Snapshot(counts, true, oldestHeld[0]);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not count the reservations by status", ex);
			this.snapshot = this.snapshot.unknownCounts();
		}
	}

	private double count(ReservationStatus status) {
		Snapshot current = this.snapshot;
		return (current.counts() != null) ? current.counts().get(status) : Double.NaN;
	}

	private double oldestHeldAgeSeconds() {
		Snapshot current = this.snapshot;
		if (!current.seen()) {
			return Double.NaN;
		}
		Instant oldest = current.oldestHeld();
		return (oldest != null) ? Math.max(0, Duration.between(oldest, this.clock.instant()).toMillis() / 1000.0) : 0;
	}

	/**
	 * What the last count found.
	 *
	 * @param counts the reservations by status, or {@code null} when the last count
	 * failed
	 * @param seen whether any count ever worked
	 * @param oldestHeld the creation of the oldest held reservation last seen, or
	 * {@code null} when there was none
	 */
	private record Snapshot(Map<ReservationStatus, Long> counts, boolean seen, Instant oldestHeld) {

		static final Snapshot UNKNOWN = new Snapshot(null, false, null);

		Snapshot unknownCounts() {
			return new Snapshot(null, this.seen, this.oldestHeld);
		}

	}

}
