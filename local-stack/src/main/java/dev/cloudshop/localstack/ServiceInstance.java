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
final class ServiceInstance extends ChildProcess {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final SuiteService service;

	private final int index;

	private final int port;

	private final String java;

	private final Path projectDir;

	private final Map<String, String> environment;

	/**
	 * @param service the service
	 * @param index which instance, from 0
	 * @param port its port
	 * @param java the java executable
	 * @param projectDir the checkout, where its jar is built
	 * @param environment its configuration
	 * @param logDir where its log goes
	 */
	ServiceInstance(SuiteService service, int index, int port, String java, Path projectDir,
			Map<String, String> environment, Path logDir) {
		super(logDir.resolve(label(service, index).replace('#', '-') + ".log"), 20);
		this.service = service;
		this.index = index;
		this.port = port;
		this.java = java;
		this.projectDir = projectDir;
		this.environment = Map.copyOf(environment);
	}

	String label() {
		return label(this.service, this.index);
	}

	private static String label(SuiteService service, int index) {
		return (index == 0) ? service.name() : service.name() + "#" + (index + 1);
	}

	@Override
	public String name() {
		return label();
	}

	@Override
	public String address() {
		return baseUrl();
	}

	int port() {
		return this.port;
	}

	@Override
	public void start() {
		Path jar = this.projectDir.resolve(this.service.name()).resolve("target").resolve(this.service.name() + ".jar");
		List<String> command = new ArrayList<>(List.of(this.java,
				// Small, fast-starting JVMs: the whole suite shares one laptop.
				"-Xms32m", "-Xmx" + this.service.heap(), "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				"-XX:ReservedCodeCacheSize=64m", "-XX:MaxMetaspaceSize=192m", "-Dspring.output.ansi.enabled=never",
				"-jar", jar.toString()));
		launch(command, this.environment, this.projectDir);
	}

	/**
	 * Whether the readiness group (which includes the database where there is one) is UP.
	 */
	@Override
	public boolean isReady() {
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

}
