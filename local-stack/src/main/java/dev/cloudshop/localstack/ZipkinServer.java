package dev.cloudshop.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real Zipkin server, its own process: every service sends it its spans, and its UI
 * shows each trace and the map of who calls whom. It keeps spans in memory, so a
 * restarted one starts empty.
 */
final class ZipkinServer extends ChildProcess {

	private final Path jar;

	private final int port;

	private final String java;

	private final Path workingDir;

	ZipkinServer(Path jar, int port, String java, Path workingDir, Path logFile) {
		super(logFile, 10);
		this.jar = jar;
		this.port = port;
		this.java = java;
		this.workingDir = workingDir;
	}

	@Override
	public String name() {
		return "zipkin";
	}

	@Override
	public String address() {
		return url();
	}

	@Override
	public void start() {
		if (!Files.exists(this.jar)) {
			throw new IllegalStateException("Not built yet: " + this.jar + ". Build with ./mvnw -DskipTests package.");
		}
		launch(List.of(this.java, "-Xms32m", "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
				"-jar", this.jar.toString(), "--server.port=" + this.port, "--server.address=127.0.0.1"),
				Map.of("STORAGE_TYPE", "mem", "MEM_MAX_SPANS", "200000", "SELF_TRACING_ENABLED", "false"),
				this.workingDir);
	}

	@Override
	public boolean isReady() {
		return answersOk(url() + "/health");
	}

	/**
	 * The server's UI and API, such as {@code /api/v2/traces}.
	 */
	String url() {
		return "http://localhost:" + this.port;
	}

	/**
	 * Where services send their spans.
	 */
	String spansEndpoint() {
		return url() + "/api/v2/spans";
	}

}
