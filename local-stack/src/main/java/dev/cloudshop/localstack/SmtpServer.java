package dev.cloudshop.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server for the customer emails: GreenMail standalone, its own process. It
 * accepts every recipient and keeps the messages in memory; its REST API shows them.
 */
final class SmtpServer extends ChildProcess {

	private final Path jar;

	private final int smtpPort;

	private final int apiPort;

	private final String java;

	private final Path workingDir;

	SmtpServer(Path jar, int smtpPort, int apiPort, String java, Path workingDir, Path logFile) {
		super(logFile, 10);
		this.jar = jar;
		this.smtpPort = smtpPort;
		this.apiPort = apiPort;
		this.java = java;
		this.workingDir = workingDir;
	}

	@Override
	public String name() {
		return "smtp";
	}

	@Override
	public String address() {
		return "smtp://localhost:" + this.smtpPort;
	}

	/**
	 * Starts the server; it keeps messages in memory, so a restarted one has none.
	 */
	@Override
	public void start() {
		if (!Files.exists(this.jar)) {
			throw new IllegalStateException("Not built yet: " + this.jar + ". Build with ./mvnw -DskipTests package.");
		}
		launch(List.of(this.java, "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				"-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + this.smtpPort,
				"-Dgreenmail.hostname=127.0.0.1", "-Dgreenmail.auth.disabled", "-Dgreenmail.api.hostname=127.0.0.1",
				"-Dgreenmail.api.port=" + this.apiPort, "-jar", this.jar.toString()), Map.of(), this.workingDir);
	}

	@Override
	public boolean isReady() {
		return answersOk(apiUrl() + "/api/service/readiness");
	}

	String apiUrl() {
		return "http://localhost:" + this.apiPort;
	}

	int smtpPort() {
		return this.smtpPort;
	}

}
