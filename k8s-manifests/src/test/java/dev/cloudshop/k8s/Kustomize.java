package dev.cloudshop.k8s;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * Renders an overlay with the real kustomize: {@code kubectl kustomize} (the engine
 * behind {@code kubectl apply -k}) or a standalone {@code kustomize build}, whichever is
 * on the PATH. Without either the overlay tests are skipped, except on CI (the {@code CI}
 * variable is set), where that is a failure.
 */
final class Kustomize {

	private static final Map<String, List<Map<String, Object>>> rendered = new ConcurrentHashMap<>();

	private Kustomize() {
	}

	static List<Map<String, Object>> render(String overlay) {
		return rendered.computeIfAbsent(overlay, Kustomize::run);
	}

	private static List<Map<String, Object>> run(String overlay) {
		Path directory = Project.root().resolve("k8s/overlays").resolve(overlay);
		List<String> command = command(directory.toString());
		try {
			Path errors = Files.createTempFile("kustomize", ".err");
			Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				fail("%s did not finish within 60 s", String.join(" ", command));
			}
			String stderr = Files.readString(errors);
			Files.delete(errors);
			if (process.exitValue() != 0) {
				fail("%s failed:%n%s", String.join(" ", command), stderr);
			}
			return Yaml.loadAll(output);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run " + command, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> command(String directory) {
		Optional<Path> kubectl = onPath("kubectl");
		if (kubectl.isPresent()) {
			return List.of(kubectl.get().toString(), "kustomize", directory);
		}
		Optional<Path> kustomize = onPath("kustomize");
		if (kustomize.isPresent()) {
			return List.of(kustomize.get().toString(), "build", directory);
		}
		String message = "Neither kubectl nor kustomize is on the PATH: the Kubernetes overlays cannot be rendered";
		if (System.getenv("CI") != null) {
			fail(message);
		}
		Assumptions.abort(message);
		return List.of();
	}

	static Optional<Path> onPath(String name) {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		for (String directory : path.split(File.pathSeparator)) {
			Path candidate = Path.of(directory, name);
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

}
