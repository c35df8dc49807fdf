package dev.cloudshop.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The pids of every process a running stack started, kept in its work directory: a
 * launcher that was killed outright leaves its processes behind, and the next start stops
 * them before they hold the ports.
 */
final class PidFile {

	private final Path file;

	private final Path workDir;

	private final Path projectDir;

	PidFile(Path workDir, Path projectDir) {
		this.file = workDir.resolve("pids");
		this.workDir = workDir;
		this.projectDir = projectDir;
	}

	void write(List<Long> pids) {
		try {
			Files.createDirectories(this.workDir);
			Files.write(this.file, pids.stream().map(String::valueOf).toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void delete() {
		try {
			Files.deleteIfExists(this.file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Stops the processes an earlier run left behind: those of the file that still run
	 * from this checkout or work directory (a pid may have been reused since).
	 * @return how many were stopped
	 */
	int stopLeftovers() {
		if (!Files.exists(this.file)) {
			return 0;
		}
		String work = this.workDir.toAbsolutePath().toString();
		String project = this.projectDir.toAbsolutePath().toString();
		List<ProcessHandle> leftovers;
		try (Stream<String> lines = Files.lines(this.file)) {
			leftovers = lines.map(String::trim)
				.filter((line) -> line.matches("\\d+"))
				.map(Long::parseLong)
				.flatMap((pid) -> ProcessHandle.of(pid).stream())
				.filter((handle) -> handle.info()
					.commandLine()
					.map((line) -> line.contains(work) || line.contains(project))
					.orElse(false))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			// One left paused by a chaos experiment would not act on SIGTERM.
			Signals.send(Signals.CONT, leftovers.stream().map(ProcessHandle::pid).toList());
		}
		catch (RuntimeException ex) {
			// Some ended meanwhile; the others are stopped all the same.
		}
		leftovers.forEach(ProcessHandle::destroy);
		for (ProcessHandle handle : leftovers) {
			try {
				handle.onExit().get(20, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				handle.destroyForcibly();
			}
		}
		delete();
		return leftovers.size();
	}

}
