package dev.cloudshop.localstack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ControlEndpointTests {

	final FakeProcess kafka = new FakeProcess("kafka");

	final FakeProcess inventory = new FakeProcess("inventory-service#2");

	final List<String> said = new ArrayList<>();

	final ControlEndpoint endpoint = new ControlEndpoint(new ProcessControl(List.of(this.kafka, this.inventory),
			Duration.ofSeconds(2), "./local-stack.sh chaos", this.said::add, () -> {
			}));

	@AfterEach
	void close() {
		this.endpoint.close();
	}

	@Test
	void listsEveryProcessWithItsPidAndState() {
		this.kafka.die("exit 137");

		ControlEndpoint.Reply reply = this.endpoint.handle("GET", URI.create("/processes"), local());

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body().lines()).containsExactly("PROCESS                  PID      STATE    ADDRESS",
				"kafka                    -        died     fake://kafka", "inventory-service#2      "
						+ String.format("%-8d", this.inventory.pids().get(0)) + " running  fake://inventory-service#2");
	}

	@Test
	void actsOnTheProcessThePathNames() {
		ControlEndpoint.Reply reply = this.endpoint.handle("POST", URI.create("/chaos/kill/inventory-service%232"),
				fromTheCommandLine());

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body()).startsWith("inventory-service#2 killed (SIGKILL, pid ");
		assertThat(this.inventory.calls).containsExactly("kill");
	}

	@Test
	void answersBadRequestForAnUnknownActionOrProcess() {
		ControlEndpoint.Reply unknownAction = this.endpoint.handle("POST", URI.create("/chaos/nuke/kafka"),
				fromTheCommandLine());
		assertThat(unknownAction.status()).isEqualTo(400);
		assertThat(unknownAction.body()).startsWith("Unknown action 'nuke'");

		ControlEndpoint.Reply unknownProcess = this.endpoint.handle("POST", URI.create("/chaos/kill/redis"),
				fromTheCommandLine());
		assertThat(unknownProcess.status()).isEqualTo(400);
		assertThat(unknownProcess.body()).contains("the processes are [kafka, inventory-service#2]");
		assertThat(this.kafka.calls).isEmpty();
	}

	@Test
	void answersConflictForAnActionTheProcessIsNotInAStateFor() {
		ControlEndpoint.Reply reply = this.endpoint.handle("POST", URI.create("/chaos/resume/kafka"),
				fromTheCommandLine());

		assertThat(reply.status()).isEqualTo(409);
		assertThat(reply.body()).isEqualTo("kafka is not paused (it is running)");
	}

	@Test
	void answersServerErrorWhenTheActionFails() {
		ControlEndpoint failing = new ControlEndpoint(new ProcessControl(List.of(new FakeProcess("smtp").neverReady()),
				Duration.ofMillis(300), "./local-stack.sh chaos", this.said::add, () -> {
				}));

		ControlEndpoint.Reply reply = failing.handle("POST", URI.create("/chaos/restart/smtp"), fromTheCommandLine());

		assertThat(reply.status()).isEqualTo(500);
		assertThat(reply.body()).startsWith("smtp is not ready after 0 s");
	}

	@Test
	void refusesAnActionWithoutTheCommandLinesHeaderOrFromAnotherHost() {
		Headers browser = local();
		assertThat(this.endpoint.handle("POST", URI.create("/chaos/kill/kafka"), browser).status()).isEqualTo(403);

		Headers rebound = fromTheCommandLine();
		rebound.set("Host", "evil.example:8099");
		assertThat(this.endpoint.handle("POST", URI.create("/chaos/kill/kafka"), rebound).status()).isEqualTo(403);
		assertThat(this.endpoint.handle("GET", URI.create("/processes"), rebound).status()).isEqualTo(403);
		assertThat(this.kafka.calls).isEmpty();
	}

	@Test
	void answersOtherPathsAndMethodsWithNotFoundAndMethodNotAllowed() {
		assertThat(this.endpoint.handle("GET", URI.create("/"), local()).status()).isEqualTo(404);
		assertThat(this.endpoint.handle("GET", URI.create("/chaos/kill"), local()).status()).isEqualTo(404);
		assertThat(this.endpoint.handle("GET", URI.create("/chaos/kill/kafka"), fromTheCommandLine()).status())
			.isEqualTo(405);
		assertThat(this.endpoint.handle("DELETE", URI.create("/processes"), local()).status()).isEqualTo(405);
		assertThat(this.kafka.calls).isEmpty();
	}

	@Test
	void servesTheCommandLineOverHttpOnTheLoopbackInterface() throws Exception {
		int port = this.endpoint.start(0).port();
		HttpClient http = HttpClient.newHttpClient();

		HttpResponse<String> list = http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/processes")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
		assertThat(list.body()).contains("inventory-service#2").contains("running");

		HttpResponse<String> pause = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/chaos/pause/inventory-service%232"))
				.header(ControlEndpoint.CLIENT_HEADER, "test")
				.timeout(Duration.ofSeconds(10))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(pause.statusCode()).isEqualTo(200);
		assertThat(this.inventory.calls).containsExactly("pause");
	}

	@Test
	void theCommandLinePrintsWhatTheLauncherDidAndFailsForWhatItRefused() {
		int port = this.endpoint.start(0).port();
		int offset = port - StackOptions.controlPort(0);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int listed = ChaosCommand.run(new String[] { "--port-offset", String.valueOf(offset), "list" }, print(out),
				print(err));
		int killed = ChaosCommand.run(new String[] { "--port-offset", String.valueOf(offset), "kill", "kafka" },
				print(out), print(err));
		int refused = ChaosCommand.run(new String[] { "--port-offset", String.valueOf(offset), "resume", "kafka" },
				print(out), print(err));

		assertThat(listed).isZero();
		assertThat(killed).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("PROCESS ").contains("kafka killed (SIGKILL, pid ");
		assertThat(refused).isOne();
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("kafka is not paused (it is killed)");
	}

	private static Headers local() {
		Headers headers = new Headers();
		headers.set("Host", "127.0.0.1:8099");
		return headers;
	}

	private static Headers fromTheCommandLine() {
		Headers headers = local();
		headers.set(ControlEndpoint.CLIENT_HEADER, "local-stack.sh");
		return headers;
	}

	private static PrintStream print(ByteArrayOutputStream bytes) {
		return new PrintStream(bytes, true, StandardCharsets.UTF_8);
	}

}
