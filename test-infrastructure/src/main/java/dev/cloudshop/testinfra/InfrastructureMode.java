package dev.cloudshop.testinfra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.testcontainers.DockerClientFactory;

/**
 * How the tests get their PostgreSQL server and Kafka broker, chosen with the system
 * property or environment variable {@code test.infrastructure} /
 * {@code TEST_INFRASTRUCTURE}.
 * <ul>
 * <li>{@code embedded} (the default): zonky's PostgreSQL binaries and an in-process KRaft
 * broker, no Docker needed;</li>
 * <li>{@code testcontainers}: {@code postgres:17} and {@code apache/kafka:4.1.0}
 * containers;</li>
 * <li>{@code auto}: Testcontainers when a Docker engine answers, embedded otherwise.</li>
 * </ul>
 * Both are real servers; neither is a stand-in.
 */
public enum InfrastructureMode {

	EMBEDDED, TESTCONTAINERS;

	private static InfrastructureMode current;

	public static synchronized InfrastructureMode current() {
		if (current == null) {
			current = resolve();
		}
		return current;
	}

	private static InfrastructureMode resolve() {
		String asked = System.getProperty("test.infrastructure", System.getenv("TEST_INFRASTRUCTURE"));
		String mode = (asked == null || asked.isBlank()) ? "embedded" : asked.trim().toLowerCase(Locale.ROOT);
		return switch (mode) {
			case "embedded" -> EMBEDDED;
			case "testcontainers" -> TESTCONTAINERS;
			case "auto" -> dockerAnswers() ? TESTCONTAINERS : EMBEDDED;
			default -> throw new IllegalArgumentException(
					"test.infrastructure must be embedded, testcontainers or auto, not '" + asked + "'");
		};
	}

	private static boolean dockerAnswers() {
		boolean socket = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
		return socket && DockerClientFactory.instance().isDockerAvailable();
	}

}
