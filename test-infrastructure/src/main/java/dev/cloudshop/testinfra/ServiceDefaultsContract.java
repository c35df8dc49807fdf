package dev.cloudshop.testinfra;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static dev.cloudshop.testinfra.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service with a database answers because it depends on service-defaults:
 * readiness that waits for its database, Prometheus metrics, and a problem for a path
 * nothing is at. A service's application test class implements it and is annotated with
 * the service's own {@link ServiceTest} annotation, which gives each test its client.
 */
public interface ServiceDefaultsContract {

	@Test
	default void isReadyOnceItsDatabaseAnswers(@Autowired RestTestClient client) {
		client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.db.status")
			.isEqualTo("UP");
	}

	@Test
	default void exposesPrometheusMetrics(@Autowired RestTestClient client) {
		client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("jvm_memory_used_bytes"));
	}

	@Test
	default void answersAPathNothingIsAtWithANotFoundProblem(@Autowired RestTestClient client) {
		assertThatProblem(client.get().uri("/nothing-is-here").header("X-Request-Id", "contract-check").exchange())
			.hasStatus(404)
			.hasType("not-found")
			.hasInstance("/nothing-is-here")
			.hasTraceId()
			.hasMember("requestId", "contract-check");
	}

}
