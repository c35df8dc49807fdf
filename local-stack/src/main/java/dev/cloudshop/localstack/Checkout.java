package dev.cloudshop.localstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the build left in the checkout the stack runs from: each service's jar, the SMTP
 * server's jar and the launcher's own classpath. A missing one is reported with the
 * command that builds it, before any process starts.
 */
final class Checkout {

	private final Path projectDir;

	Checkout(Path projectDir) {
		this.projectDir = projectDir;
	}

	/**
	 * The launcher's own classpath, which holds the Kafka broker: written by the build so
	 * it is the same whether the launcher runs from the script or inside a test.
	 * @throws IllegalStateException when the local-stack module is not built
	 */
	String launcherClasspath() {
		Path target = this.projectDir.resolve("local-stack").resolve("target");
		try {
			return target.resolve("classes") + File.pathSeparator
					+ Files.readString(target.resolve("classpath.txt")).trim();
		}
		catch (IOException ex) {
			throw new IllegalStateException("The local-stack module is not built; run ./mvnw -DskipTests package", ex);
		}
	}

	Path smtpServerJar() {
		return this.projectDir.resolve("local-stack/target/greenmail/greenmail-standalone.jar");
	}

	Path zipkinServerJar() {
		return this.projectDir.resolve("local-stack/target/zipkin/zipkin-server.jar");
	}

	/**
	 * The repository's Prometheus and Alertmanager configuration, alerts and rules.
	 */
	Path observabilityDir() {
		return this.projectDir.resolve("observability");
	}

	/**
	 * @throws IllegalStateException naming every service whose jar is not built
	 */
	void requireServiceJars() {
		List<String> missing = SuiteService.all()
			.stream()
			.map((service) -> this.projectDir.resolve(service.name())
				.resolve("target")
				.resolve(service.name() + ".jar"))
			.filter((jar) -> !Files.exists(jar))
			.map(Path::toString)
			.toList();
		if (!missing.isEmpty()) {
			throw new IllegalStateException(
					"Not built yet: " + missing + ". Build with ./mvnw -DskipTests package (./local-stack.sh does).");
		}
	}

}
