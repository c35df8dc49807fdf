package dev.cloudshop.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One running instance of a service: {@code java -jar <module>/target/<module>.jar}.
 */
final class ServiceInstance {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final SuiteService service;

	private final int index;

	private final int port;

	private ManagedProcess process;

	ServiceInstance(SuiteService service, int index, int port) {
		this.service = service;
		this.index = index;
		this.port = port;
	}

	String label() {
		return (this.index == 0) ? this.service.name() : this.service.name() + "#" + (this.index + 1);
	}

	SuiteService service() {
		return this.service;
	}

	int port() {
		return this.port;
	}

	ManagedProcess process() {
		return this.process;
	}

	void start(String java, Path projectDir, Map<String, String> environment, Path logDir) {
		Path jar = projectDir.resolve(this.service.name()).resolve("target").resolve(this.service.name() + ".jar");
		List<String> command = new ArrayList<>(List.of(java,
				// Small, fast-starting JVMs: the whole suite shares one laptop.
				"-Xms32m", "-Xmx" + this.service.heap(), "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				"-XX:ReservedCodeCacheSize=64m", "-XX:MaxMetaspaceSize=192m", "-Dspring.output.ansi.enabled=never",
				"-jar", jar.toString()));
		this.process = ManagedProcess.start(label(), command, environment, projectDir,
				logDir.resolve(label().replace('#', '-') + ".log"));
	}

	boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	/**
	 * Whether the readiness group (which includes the database where there is one) is UP.
	 */
	boolean isReady() {
		if (!isAlive()) {
			return false;
		}
		try {
			HttpResponse<Void> response = http
				.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (Exception ex) {
			return false;
		}
	}

	String baseUrl() {
		return "http://localhost:" + this.port;
	}

	void stop() {
		if (this.process != null) {
			this.process.stop(20);
		}
	}

	void kill() {
		if (this.process != null) {
			this.process.kill();
		}
	}

}
