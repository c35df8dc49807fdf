package dev.cloudshop.servicedefaults.time;

import java.time.Clock;
import java.time.Duration;

/**
 * Clocks that tick in the precision a PostgreSQL {@code timestamptz} keeps.
 */
public final class DatabaseClock {

	private static final Duration MICROSECOND = Duration.ofNanos(1000);

	private DatabaseClock() {
	}

	/**
	 * @return the system clock in UTC, ticking in whole microseconds
	 */
	public static Clock systemUtc() {
		return Clock.tick(Clock.systemUTC(), MICROSECOND);
	}

}
