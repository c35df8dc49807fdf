package dev.cloudshop.notification.deadletter;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cloudshop.notification.notification.OrderEventsProperties;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The dead letters not replayed yet, as a gauge to alert on:
 * {@code order_events_dead_letters_unreplayed}, what {@code GET /admin/dead-letters}
 * lists without a {@code replayedAt}. Unlike the counter of dead letters sent, it knows
 * of replays and does not start again at an instance's restart; every instance reports
 * the same figure.
 * <p>
 * Counted without reading a record: the records each partition of the dead-letter topic
 * holds (its end offset less its first one) less the replays recorded for those offsets.
 * A broker call and a database query, so it is counted on a schedule of its own rather
 * than when scraped, on a thread of its own, so a broker that does not answer holds up
 * neither a scrape nor the email sender's schedule. While the broker or the database does
 * not answer the figure is unknown ({@code NaN}). Counted every
 * {@code notification.order-events.dead-letters-count-interval} (30 s).
 */
@Component
class DeadLetterBacklog implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DeadLetterBacklog.class);

	private final DeadLetterTopic deadLetters;

	private final Replays replays;

	private final long intervalMillis;

	private volatile double unreplayed = Double.NaN;

	private ScheduledExecutorService executor;

	DeadLetterBacklog(DeadLetterTopic deadLetters, Replays replays, MeterRegistry meters,
			OrderEventsProperties properties) {
		this.deadLetters = deadLetters;
		this.replays = replays;
		this.intervalMillis = properties.deadLettersCountInterval().toMillis();
		Gauge.builder("order.events.dead.letters.unreplayed", this, (backlog) -> backlog.unreplayed)
			.description("Records in the dead-letter topic not replayed yet")
			.register(meters);
	}

	/**
	 * Counts the dead letters not replayed yet again.
	 */
	void refresh() {
		try {
			long count = 0;
			for (Map.Entry<Integer, DeadLetterTopic.Extent> entry : this.deadLetters.extents().entrySet()) {
				DeadLetterTopic.Extent extent = entry.getValue();
				long replayed = (extent.size() > 0) ? this.replays.countReplayed(this.deadLetters.name(),
						entry.getKey(), extent.start(), extent.end()) : 0;
				count += Math.max(0, extent.size() - replayed);
			}
			this.unreplayed = count;
		}
		catch (RuntimeException ex) {
			logger.debug("Could not count the dead letters not replayed yet", ex);
			this.unreplayed = Double.NaN;
		}
	}

	@Override
	public synchronized void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "dead-letter-count");
			thread.setDaemon(true);
			return thread;
		});
		this.executor.scheduleWithFixedDelay(this::refresh, 0, this.intervalMillis, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
