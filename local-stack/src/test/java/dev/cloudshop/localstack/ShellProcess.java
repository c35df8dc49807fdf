package dev.cloudshop.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real process of a test stack: a shell script, ready when its readiness URL answers
 * 200, the way a service's readiness group does.
 */
final class ShellProcess extends ChildProcess {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final String name;

	private final String script;

	private final Path workingDir;

	private final URI readiness;

	ShellProcess(String name, String script, Path logDir, URI readiness) {
		super(logDir.resolve(name + ".log"), 5);
		this.name = name;
		this.script = script;
		this.workingDir = logDir;
		this.readiness = readiness;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public String address() {
		return this.readiness.toString();
	}

	@Override
	public void start() {
		launch(List.of("sh", "-c", this.script), Map.of(), this.workingDir);
	}

	@Override
	public boolean isReady() {
		if (!isAlive()) {
			return false;
		}
		try {
			return http
				.send(HttpRequest.newBuilder(this.readiness).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (Exception ex) {
			return false;
		}
	}

}
