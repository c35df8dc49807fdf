package dev.cloudshop.servicedefaults.time;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@link Clock} every service reads the time from: UTC, in whole microseconds, the
 * precision PostgreSQL keeps, so that an instant read back from the database equals the
 * one that was written. A test declares its own {@code Clock} bean to move time.
 */
@AutoConfiguration
public class ClockAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return DatabaseClock.systemUtc();
	}

}
