package dev.cloudshop.order.order;

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
 * The orders by status, as gauges to alert on: how many are in each status
 * ({@code orders_in_status{status}}) and how old the oldest order not yet
 * {@code PROCESSED} or {@code FAILED} is ({@code orders_oldest_unsettled_age_seconds},
 * {@code 0} when every order is settled). Both are figures of the database, the same on
 * every instance.
 * <p>
 * Counted by one grouped query on a schedule rather than when scraped: a scrape never
 * waits for the database. While the database does not answer the counts are unknown
 * ({@code NaN}) and the age goes on growing from the oldest unsettled order last seen:
 * nothing settles meanwhile.
 */
@Component
class OrderStatusMetrics {

	private static final Logger logger = LoggerFactory.getLogger(OrderStatusMetrics.class);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private volatile Snapshot snapshot = Snapshot.UNKNOWN;

	OrderStatusMetrics(JdbcTemplate jdbc, MeterRegistry meters, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		for (OrderStatus status : OrderStatus.values()) {
			Gauge.builder("orders.in.status", this, (metrics) -> metrics.count(status))
				.description("Orders in each status, in the database")
				.tag("status", status.name())
				.register(meters);
		}
		TimeGauge
			.builder("orders.oldest.unsettled.age", this, TimeUnit.SECONDS,
					OrderStatusMetrics::oldestUnsettledAgeSeconds)
			.description("Age of the oldest order not yet in a final state (PROCESSED or FAILED)")
			.register(meters);
	}

	/**
	 * Counts the orders again.
	 */
	@Scheduled(fixedDelayString = "${order.metrics.refresh-interval:10s}")
	void refresh() {
		try {
			Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
			for (OrderStatus status : OrderStatus.values()) {
				counts.put(status, 0L);
			}
			Instant[] oldest = new Instant[1];
			this.jdbc.query("select status, count(*), min(created_at) from orders group by status", (row) -> {
				OrderStatus status = OrderStatus.valueOf(row.getString(1));
				counts.put(status, row.getLong(2));
				Timestamp created = row.getTimestamp(3);
				if (!status.isSettled() && created != null
						&& (oldest[0] == null || created.toInstant().isBefore(oldest[0]))) {
					oldest[0] = created.toInstant();
				}
			});
			this.snapshot = new Snapshot(counts, true, oldest[0]);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not count the orders by status", ex);
			this.snapshot = this.snapshot.unknownCounts();
		}
	}

	private double count(OrderStatus status) {
		Snapshot current = this.snapshot;
		return (current.counts() != null) ? current.counts().get(status) : Double.NaN;
	}

	private double oldestUnsettledAgeSeconds() {
		Snapshot current = this.snapshot;
		if (!current.seen()) {
			return Double.NaN;
		}
		Instant oldest = current.oldestUnsettled();
		return (oldest != null) ? Math.max(0, Duration.between(oldest, this.clock.instant()).toMillis() / 1000.0) : 0;
	}

	/**
	 * What the last count found.
	 *
	 * @param counts the orders by status, or {@code null} when the last count failed
	 * @param seen whether any count ever worked
	 * @param oldestUnsettled the creation of the oldest unsettled order last seen, or
	 * {@code null} when there was none
	 */
	private record Snapshot(Map<OrderStatus, Long> counts, boolean seen, Instant oldestUnsettled) {

		static final Snapshot UNKNOWN = new Snapshot(null, false, null);

		Snapshot unknownCounts() {
			return new Snapshot(null, this.seen, this.oldestUnsettled);
		}

	}

}
