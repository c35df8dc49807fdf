package dev.cloudshop.servicedefaults;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;

import dev.cloudshop.servicedefaults.sample.SampleService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Prometheus reads from a service: exemplars (the trace behind a series) only where
 * every Prometheus server takes them, so that an older server (Debian 12's 2.42) does not
 * refuse the whole scrape.
 */
@SpringBootTest(classes = SampleService.class)
class PrometheusScrapeTests {

	private static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

	@Autowired
	PrometheusMeterRegistry registry;

	@Autowired
	Tracer tracer;

	@Test
	void carriesExemplarsOnCountersButNotOnATimersCount() {
		Span span = this.tracer.nextSpan().name("scrape-test").start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			Counter.builder("scrape.test.orders").register(this.registry).increment();
			Timer.builder("scrape.test.calls").register(this.registry).record(Duration.ofMillis(5));
		}
		finally {
			span.end();
		}
		List<String> lines = this.registry.scrape(OPEN_METRICS).lines().toList();
		assertThat(lines).filteredOn((line) -> line.startsWith("scrape_test_orders_total"))
			.singleElement()
			.asString()
			.contains("# {", span.context().traceId());
		assertThat(lines).filteredOn((line) -> line.startsWith("scrape_test_calls_seconds_count"))
			.singleElement()
			.asString()
			.doesNotContain("# {");
		assertThat(lines).filteredOn((line) -> line.contains("_count") && line.contains(" # {")).isEmpty();
	}

}
