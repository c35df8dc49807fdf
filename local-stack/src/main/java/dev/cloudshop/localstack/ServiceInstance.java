package dev.cloudshop.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

	private final Path jarDir;

	/**
	 * @param service the service
	 * @param index which instance, from 0
	 * @param port its port
	 * @param java the java executable
	 * @param projectDir the checkout, where its jar is built
	 * @param environment its configuration
	 * @param logDir where its log goes
	 * @param jarDir where the copies of the jars it runs are kept
	 */
	ServiceInstance(SuiteService service, int index, int port, String java, Path projectDir,
			Map<String, String> environment, Path logDir, Path jarDir) {
		super(logDir.resolve(label(service, index).replace('#', '-') + ".log"), 20);
		this.service = service;
		this.index = index;
		this.port = port;
		this.java = java;
		this.projectDir = projectDir;
		this.environment = Map.copyOf(environment);
		this.jarDir = jarDir;
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
		Path jar = runnableCopy(
				this.projectDir.resolve(this.service.name()).resolve("target").resolve(this.service.name() + ".jar"));
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

	/**
	 * The copy of a built jar the instance runs: a build (./mvnw verify while the stack
	 * runs) rewrites the jar in target/, which would pull the classes from under a JVM
	 * that runs it. A changed jar is copied beside the old copy and moved over it, so an
	 * instance still running the old one keeps reading the file it opened.
	 */
	private Path runnableCopy(Path built) {
		Path copy = this.jarDir.resolve(built.getFileName());
		try {
			if (Files.exists(copy) && Files.size(copy) == Files.size(built)
					&& Files.getLastModifiedTime(copy).equals(Files.getLastModifiedTime(built))) {
				return copy;
			}
			Files.createDirectories(this.jarDir);
			Path partial = Files.createTempFile(this.jarDir, built.getFileName().toString(), ".partial");
			Files.copy(built, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
			Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			return copy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not copy " + built + " to " + copy, ex);
		}
	}

}
