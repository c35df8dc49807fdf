package dev.cloudshop.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ReadinessTests {

	static final String EUREKA_LISTS_TWO = "{\"application\":{\"name\":\"ORDER-SERVICE\",\"instance\":["
			+ "{\"instanceId\":\"a\",\"status\":\"UP\"},{\"instanceId\":\"b\",\"status\":\"UP\"}]}}";

	@TempDir
	Path logs;

	final List<String> said = new ArrayList<>();

	final FakeHttpServer http = new FakeHttpServer();

	final List<ShellProcess> started = new ArrayList<>();

	@AfterEach
	void stop() {
		this.started.forEach(ShellProcess::kill);
		this.http.close();
	}

	@Test
	void waitsUntilEveryProcessIsReadyAndReportsEachOnce() {
		AtomicInteger asked = new AtomicInteger();
		this.http.answer("/slow", () -> new FakeHttpServer.Answer((asked.incrementAndGet() < 3) ? 503 : 200, ""));
		this.http.answer("/quick", 200, "");
		ShellProcess slow = start("slow", "sleep 30", "/slow");
		ShellProcess quick = start("quick", "sleep 30", "/quick");

		readiness(Duration.ofSeconds(30)).awaitProcesses(List.of(slow, quick));

		assertThat(asked).hasValueGreaterThanOrEqualTo(3);
		assertThat(this.said).hasSize(2);
		assertThat(this.said.get(0)).matches("  quick {17} ready +\\d+\\.\\d s  " + this.http.url() + "/quick");
		assertThat(this.said.get(1)).matches("  slow {18} ready +\\d+\\.\\d s  " + this.http.url() + "/slow");
	}

	@Test
	void failsNamingEveryProcessThatIsNotReadyInTime() {
		this.http.answer("/ready", 503, "");
		this.http.answer("/up", 200, "");
		ShellProcess stuck = start("stuck-service", "sleep 30", "/ready");
		ShellProcess up = start("up-service", "sleep 30", "/up");

		assertThatIllegalStateException()
			.isThrownBy(() -> readiness(Duration.ofSeconds(1)).awaitProcesses(List.of(stuck, up)))
			.withMessage("Not ready after 1 s: [stuck-service]. Their logs are in " + this.logs);
		assertThat(this.said).singleElement().asString().startsWith("  up-service");
	}

	@Test
	void failsWithTheEndOfTheLogOfAProcessThatEndsWhileStarting() {
		ShellProcess quitter = start("quitter", "echo 'Port 8082 was already in use.'; exit 3", "/ready");

		assertThatIllegalStateException()
			.isThrownBy(() -> readiness(Duration.ofSeconds(30)).awaitProcesses(List.of(quitter)))
			.withMessageStartingWith("quitter ended (exit 3) while starting. The end of "
					+ this.logs.resolve("quitter.log") + ":" + System.lineSeparator())
			.withMessageEndingWith("Port 8082 was already in use.");
		assertThat(this.said).isEmpty();
	}

	@Test
	void waitsUntilTheGatewayRoutesToEveryServiceOnceEurekaListsAllItsInstances() {
		this.http.answer("/eureka/apps/ORDER-SERVICE", 200, EUREKA_LISTS_TWO);
		this.http.answer("/api/orders", 200, "[]");
		Map<SuiteService, Integer> instances = new LinkedHashMap<>();
		instances.put(SuiteService.named("order-service"), 2);
		instances.put(SuiteService.named("payment-service"), 0);

		readiness(Duration.ofSeconds(30)).awaitRoutes(routes(), instances);

		assertThat(this.http.requestsTo("/api/orders")).isOne();
		assertThat(this.said).hasSize(2);
		assertThat(this.said.get(0))
			.isEqualTo("  payment-service        left out: start it yourself, it registers with Eureka");
		assertThat(this.said.get(1)).matches("  gateway                routes to every service +\\d+\\.\\d s");
	}

	@Test
	void failsSayingWhatTheGatewayAnsweredWhenItDoesNotReachAService() {
		this.http.answer("/eureka/apps/ORDER-SERVICE", 200, EUREKA_LISTS_TWO);
		this.http.answer("/api/orders", 503, "{\"title\":\"Service Unavailable\"}");

		assertThatIllegalStateException()
			.isThrownBy(() -> readiness(Duration.ofMillis(1)).awaitRoutes(routes(),
					Map.of(SuiteService.named("order-service"), 2)))
			.withMessageMatching("The gateway does not reach order-service \\d+ s after the start \\(2 of 2 instances"
					+ " registered in Eureka, the last probe through the gateway: HTTP 503\\); see \\Q" + this.logs
					+ "\\E");
	}

	@Test
	void asksTheGatewayOnlyOnceEurekaListsEveryInstance() {
		this.http.answer("/eureka/apps/ORDER-SERVICE", 200, EUREKA_LISTS_TWO);
		this.http.answer("/api/orders", 200, "[]");

		assertThatIllegalStateException()
			.isThrownBy(() -> readiness(Duration.ofMillis(1)).awaitRoutes(routes(),
					Map.of(SuiteService.named("order-service"), 3)))
			.withMessageContaining(
					"(2 of 3 instances registered in Eureka, the last probe through the gateway:" + " none yet)");
		assertThat(this.http.requestsTo("/api/orders")).as("probes that could open the gateway's circuit breaker")
			.isZero();
	}

	private ShellProcess start(String name, String script, String readinessPath) {
		ShellProcess process = new ShellProcess(name, script, this.logs, this.http.uri(readinessPath));
		process.start();
		this.started.add(process);
		return process;
	}

	private Readiness readiness(Duration readyTimeout) {
		return new Readiness(readyTimeout, Duration.ofSeconds(1), this.logs, this.said::add);
	}

	private GatewayRoutes routes() {
		return new GatewayRoutes(this.http.url(), this.http.url());
	}

}
