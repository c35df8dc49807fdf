package dev.cloudshop.k8s;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the repository's files are.
 */
final class Project {

	private Project() {
	}

	static Path root() {
		Path root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
		if (!Files.isRegularFile(root.resolve("docker-compose.yml"))) {
			throw new IllegalStateException("Not the repository root: " + root);
		}
		return root;
	}

	static Path file(String relative) {
		return root().resolve(relative);
	}

}
