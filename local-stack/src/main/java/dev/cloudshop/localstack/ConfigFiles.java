package dev.cloudshop.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The repository's configuration of a server (Prometheus, Alertmanager), copied into the
 * stack's work directory with the addresses of this stack: the files in
 * {@code observability/} name the usual ports, a stack moved by {@code --port-offset}
 * listens elsewhere.
 */
final class ConfigFiles {

	private ConfigFiles() {
	}

	/**
	 * Copies a directory of configuration, replacing addresses in one of its files.
	 * @param from the repository's directory, such as {@code observability/prometheus}
	 * @param to where the server reads it from; replaced as a whole
	 * @param file the file, relative to both, whose addresses change
	 * @param addresses each address in the file and the one of this stack; every one must
	 * be there, so that a changed file cannot leave a server pointing at another stack
	 * @return the copied file
	 */
	static Path copy(Path from, Path to, String file, Map<String, String> addresses) {
		try {
			if (!Files.isDirectory(from)) {
				throw new IllegalStateException("No configuration at " + from);
			}
			try (Stream<Path> paths = Files.walk(from)) {
				for (Path source : paths.toList()) {
					Path target = to.resolve(from.relativize(source).toString());
					if (Files.isDirectory(source)) {
						Files.createDirectories(target);
					}
					else {
						Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
					}
				}
			}
			Path config = to.resolve(file);
			String text = Files.readString(config);
			for (Map.Entry<String, String> address : addresses.entrySet()) {
				if (!text.contains(address.getKey())) {
					throw new IllegalStateException(from.resolve(file) + " no longer names " + address.getKey()
							+ ": the local stack cannot point it at its own " + address.getValue());
				}
				text = text.replace(address.getKey(), address.getValue());
			}
			Files.writeString(config, text);
			return config;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
