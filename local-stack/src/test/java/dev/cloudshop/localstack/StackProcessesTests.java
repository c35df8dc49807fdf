package dev.cloudshop.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class StackProcessesTests {

	@TempDir
	Path checkout;

	StackOptions options;

	@BeforeEach
	void build() throws IOException {
		Path target = Files.createDirectories(this.checkout.resolve("local-stack/target"));
		Files.writeString(target.resolve("classpath.txt"), "kafka.jar");
		this.options = StackOptions.defaults(this.checkout)
			.withPortOffset(20000)
			.withInstances("inventory-service", 2)
			.withInstances("image-service", 0);
	}

	@Test
	void listsEveryProcessInStartOrderWithItsAddress() {
		// Prometheus and Alertmanager run only where the machine has them.
		StackProcesses processes = StackProcesses.of(this.options.without("prometheus").without("alertmanager"),
				new Checkout(this.checkout));

		assertThat(processes.all()).extracting(StackProcess::name)
			.containsExactly("postgres", "kafka", "smtp", "zipkin", "discovery-service", "order-service",
					"inventory-service", "inventory-service#2", "payment-service", "notification-service",
					"gateway-service");
		assertThat(processes.all()).extracting(StackProcess::address)
			.containsExactly("jdbc:postgresql://localhost:25432", "localhost:29092", "smtp://localhost:23025",
					"http://localhost:29411", "http://localhost:28761", "http://localhost:28081",
					"http://localhost:28082", "http://localhost:28182", "http://localhost:28083",
					"http://localhost:28084", "http://localhost:28080");
		assertThat(processes.instancesOf(SuiteService.named("image-service"))).isEmpty();
		assertThat(processes.all()).extracting(StackProcess::logFile)
			.contains(this.options.logDir().resolve("inventory-service-2.log"));
	}

	@Test
	void saysWhichOptionalServersItRunsWithout() {
		StackProcesses processes = StackProcesses.of(
				this.options.without("zipkin").without("prometheus").without("alertmanager"),
				new Checkout(this.checkout));

		assertThat(processes.all()).extracting(StackProcess::name)
			.doesNotContain("zipkin", "prometheus", "alertmanager");
		assertThat(processes.zipkin()).isEmpty();
		assertThat(processes.leftOut()).containsExactly(
				"Zipkin: left out (--without zipkin); the services record no traces",
				"Prometheus: left out (--without prometheus)", "Alertmanager: left out (--without alertmanager)");
	}

	@Test
	void hasNoPidsAndNothingToStopBeforeItStarts() {
		StackProcesses processes = StackProcesses.of(this.options, new Checkout(this.checkout));
		List<RuntimeException> failed = new ArrayList<>();

		processes.stopAll(failed::add);

		assertThat(processes.pids()).isEmpty();
		assertThat(failed).isEmpty();
	}

	@Test
	void throwsAwayTheDataOfPostgresAndKafkaButKeepsTheLogs() throws IOException {
		Path work = this.options.workDir();
		Files.createDirectories(work.resolve("postgres/base/1"));
		Files.writeString(work.resolve("postgres/base/1/112"), "rows");
		Files.createDirectories(work.resolve("kafka/data/order-events-0"));
		Files.createDirectories(this.options.logDir());
		Files.writeString(this.options.logDir().resolve("kafka.log"), "started");

		StackProcesses.of(this.options, new Checkout(this.checkout)).deleteData();

		assertThat(work.resolve("postgres")).doesNotExist();
		assertThat(work.resolve("kafka")).doesNotExist();
		assertThat(this.options.logDir().resolve("kafka.log")).hasContent("started");
	}

}
