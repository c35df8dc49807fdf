package dev.cloudshop.localstack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Programs the stack runs when the machine has them, found on the {@code PATH} the way a
 * shell finds them.
 */
final class Executables {

	private Executables() {
	}

	/**
	 * The first of the names that is an executable file in a directory of the
	 * {@code PATH}.
	 * @param path the search path ({@code System.getenv("PATH")})
	 * @param names the program's names, most usual first (Debian names Alertmanager
	 * {@code prometheus-alertmanager}, its own release {@code alertmanager})
	 * @return the program, or empty when none is there
	 */
	static Optional<Path> find(String path, List<String> names) {
		if (path == null || path.isBlank()) {
			return Optional.empty();
		}
		for (String name : names) {
			for (String dir : path.split(File.pathSeparator)) {
				if (dir.isBlank()) {
					continue;
				}
				Path candidate = Path.of(dir, name);
				if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
					return Optional.of(candidate);
				}
			}
		}
		return Optional.empty();
	}

	static Optional<Path> onPath(String... names) {
		return find(System.getenv("PATH"), List.of(names));
	}

}
