package dev.cloudshop.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server for the customer emails: GreenMail standalone, its own process. It
 * accepts every recipient and keeps the messages in memory; its REST API shows them.
 */
final class SmtpServer {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final Path jar;

	private final int smtpPort;

	private final int apiPort;

	private final String java;

	private ManagedProcess process;

	SmtpServer(Path jar, int smtpPort, int apiPort, String java) {
		this.jar = jar;
		this.smtpPort = smtpPort;
		this.apiPort = apiPort;
		this.java = java;
	}

	void start(Path workingDir, Path logFile) {
		if (!Files.exists(this.jar)) {
			throw new IllegalStateException("Not built yet: " + this.jar + ". Build with ./mvnw -DskipTests package.");
		}
		this.process = ManagedProcess.start("smtp",
				List.of(this.java, "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
						"-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + this.smtpPort,
						"-Dgreenmail.hostname=127.0.0.1", "-Dgreenmail.auth.disabled",
						"-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + this.apiPort, "-jar",
						this.jar.toString()),
				Map.of(), workingDir, logFile);
	}

	boolean isReady() {
		if (this.process == null || !this.process.isAlive()) {
			return false;
		}
		try {
			return http
				.send(HttpRequest.newBuilder(URI.create(apiUrl() + "/api/service/readiness"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (Exception ex) {
			return false;
		}
	}

	String apiUrl() {
		return "http://localhost:" + this.apiPort;
	}

	int smtpPort() {
		return this.smtpPort;
	}

	ManagedProcess process() {
		return this.process;
	}

	void stop() {
		if (this.process != null) {
			this.process.stop(10);
		}
	}

}
