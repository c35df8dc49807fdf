package dev.cloudshop.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LaunchCommandTests {

	@TempDir
	Path checkout;

	final ByteArrayOutputStream out = new ByteArrayOutputStream();

	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void readsEveryOption() {
		StackOptions options = parse("--reset", "--port-offset", "20000", "--instances", "inventory-service=2",
				"--without", "image-service");

		assertThat(options.reset()).isTrue();
		assertThat(options.portOffset()).isEqualTo(20000);
		assertThat(options.instances()).isEqualTo(Map.of("inventory-service", 2, "image-service", 0));
		assertThat(options.workDir()).isEqualTo(this.checkout.resolve(".local-stack"));
	}

	@Test
	void leavesOptionalServersOut() {
		StackOptions options = parse("--without", "zipkin", "--without", "prometheus");

		assertThat(options.serversLeftOut()).containsExactlyInAnyOrder("zipkin", "prometheus");
		assertThat(options.runs("zipkin")).isFalse();
		assertThat(options.runs("alertmanager")).isTrue();
		assertThat(options.instances()).isEmpty();
	}

	@Test
	void startsWithTheDefaultsWithoutOptions() {
		assertThat(parse()).isEqualTo(StackOptions.defaults(this.checkout));
	}

	@Test
	void refusesAMalformedOptionSayingWhatItWants() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--port-offset"))
			.withMessage("--port-offset needs a value");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--port-offset", "many"))
			.withMessage("--port-offset wants a number, not many");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--instances", "inventory-service"))
			.withMessage("--instances wants SERVICE=N, not inventory-service");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--instances", "inventory-service=6"))
			.withMessage("--instances wants 1 to 5 instances, not 6");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--instances", "redis=2"))
			.withMessageStartingWith("No service is named redis; the services are [discovery-service, ");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--without", "gateway-service"))
			.withMessage("--without takes a business service ([order-service, inventory-service, payment-service,"
					+ " notification-service, image-service]) or zipkin, prometheus, alertmanager, not gateway-service");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--verbose"))
			.withMessage("Unknown argument: --verbose");
	}

	@Test
	void printsTheUsageWhenAskedForHelp() {
		assertThat(run("--help")).isZero();
		assertThat(run("--reset", "-h")).isZero();

		assertThat(out()).isEqualTo((LaunchArguments.USAGE + System.lineSeparator()).repeat(2));
		assertThat(out()).startsWith("Usage: ./local-stack.sh [--reset] [--port-offset N]")
			.contains("--without SERVICE");
		assertThat(err()).isEmpty();
	}

	@Test
	void failsWithTheProblemAndTheUsageForABadCommandLine() {
		assertThat(run("--instances", "redis=2")).isEqualTo(2);

		assertThat(err()).startsWith("No service is named redis")
			.endsWith(System.lineSeparator() + LaunchArguments.USAGE + System.lineSeparator());
		assertThat(out()).isEmpty();
	}

	@Test
	void handsAChaosCommandToTheChaosDoor() {
		assertThat(run("chaos", "--help")).isZero();
		assertThat(out()).startsWith("Usage: ./local-stack.sh chaos");

		assertThat(run("chaos", "nuke", "kafka")).isEqualTo(2);
		assertThat(err()).startsWith("Unknown action 'nuke'");
	}

	@Test
	void saysWhyTheStackDidNotStartWhenTheLauncherIsNotBuilt() {
		assertThat(run()).isOne();

		assertThat(out()).isEqualTo("Starting the suite (data and logs in " + this.checkout.resolve(".local-stack")
				+ ")" + System.lineSeparator());
		assertThat(err()).isEqualTo(System.lineSeparator() + "The local stack did not start: The local-stack module"
				+ " is not built; run ./mvnw -DskipTests package" + System.lineSeparator());
	}

	@Test
	void namesEveryServiceThatIsNotBuiltAndStopsWhatItStarted() throws IOException {
		Path target = Files.createDirectories(this.checkout.resolve("local-stack/target"));
		Files.writeString(target.resolve("classpath.txt"), "kafka.jar");
		Files.createDirectories(this.checkout.resolve("order-service/target"));
		Files.writeString(this.checkout.resolve("order-service/target/order-service.jar"), "built");

		assertThat(run("--port-offset", "30000")).isOne();

		assertThat(err())
			.startsWith(System.lineSeparator() + "The local stack did not start: Not built yet: ["
					+ this.checkout.resolve("discovery-service/target/discovery-service.jar") + ", "
					+ this.checkout.resolve("inventory-service/target/inventory-service.jar") + ", ")
			.endsWith(this.checkout.resolve("gateway-service/target/gateway-service.jar")
					+ "]. Build with ./mvnw -DskipTests package (./local-stack.sh does)." + System.lineSeparator())
			.doesNotContain("order-service.jar");
		assertThat(out().lines()).containsExactly(
				"Starting the suite (data and logs in " + this.checkout.resolve(".local-stack") + ")",
				"Stopping the gateway, the services, Kafka and PostgreSQL...", "Stopped every process.");
	}

	private StackOptions parse(String... args) {
		return LaunchArguments.parse(args, StackOptions.defaults(this.checkout));
	}

	private int run(String... args) {
		return LaunchCommand.run(args, this.checkout, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

}
