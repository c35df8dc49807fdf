package dev.cloudshop.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChaosCommandTests {

	final ByteArrayOutputStream out = new ByteArrayOutputStream();

	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void saysClearlyWhenNoStackIsRunning() throws IOException {
		int offset;
		try (ServerSocket free = new ServerSocket(0)) {
			offset = free.getLocalPort() - StackOptions.controlPort(0);
		}

		int exit = run("--port-offset", String.valueOf(offset), "kill", "kafka");

		assertThat(exit).isOne();
		assertThat(this.err.toString(StandardCharsets.UTF_8))
			.startsWith("No local stack is running: nothing answers on 127.0.0.1:" + (offset + 8099) + ".")
			.contains("Start one with ./local-stack.sh");
	}

	@Test
	void refusesAnUnknownActionBeforeAskingTheStack() {
		assertThat(run("nuke", "kafka")).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).startsWith("Unknown action 'nuke'")
			.contains("Usage: ./local-stack.sh chaos");
	}

	@Test
	void explainsItselfWhenAskedOrGivenTooLittle() {
		assertThat(run("--help")).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).startsWith("Usage: ./local-stack.sh chaos")
			.contains("restart  kill -9, then start again on its data")
			.contains("inventory-service#2");
		assertThat(run()).isEqualTo(2);
		assertThat(run("kill")).isEqualTo(2);
		assertThat(run("--port-offset", "many", "list")).isEqualTo(2);
	}

	private int run(String... args) {
		return ChaosCommand.run(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

}
