package dev.cloudshop.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process of the stack whose output goes to its own log file.
 */
final class ManagedProcess {

	private final String name;

	private final Path logFile;

	private final Process process;

	private ManagedProcess(String name, Path logFile, Process process) {
		this.name = name;
		this.logFile = logFile;
		this.process = process;
	}

	static ManagedProcess start(String name, List<String> command, Map<String, String> environment, Path workingDir,
			Path logFile) {
		try {
			Files.createDirectories(logFile.getParent());
			ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
			builder.environment().putAll(environment);
			note(logFile, name + " starting: " + String.join(" ", command));
			return new ManagedProcess(name, logFile, builder.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name, ex);
		}
	}

	/**
	 * Writes a line of the launcher's own into a process's log, such as a start or a
	 * chaos action, so that the log shows what happened to the process and when.
	 */
	static void note(Path logFile, String line) {
		try {
			Files.createDirectories(logFile.getParent());
			Files.writeString(logFile,
					System.lineSeparator() + "=== " + LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + " " + line
							+ System.lineSeparator(),
					StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write to " + logFile, ex);
		}
	}

	String name() {
		return this.name;
	}

	Path logFile() {
		return this.logFile;
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	int exitCode() {
		return this.process.exitValue();
	}

	/**
	 * How the process ended: {@code exit 137} for one killed with SIGKILL (128 + 9).
	 */
	String exitStatus() {
		return this.process.isAlive() ? "still running" : "exit " + this.process.exitValue();
	}

	/**
	 * Asks the process to stop (SIGTERM, so a Spring service deregisters from Eureka and
	 * finishes its requests) and kills it if it has not stopped in time.
	 */
	void stop(long graceSeconds) {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
				this.process.descendants().forEach(ProcessHandle::destroyForcibly);
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	/**
	 * Kills the process at once (SIGKILL), as a crash would.
	 */
	void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The last lines of the log, to show why a process failed.
	 */
	String logTail(int lines) {
		return tail(this.logFile, lines);
	}

	/**
	 * The last lines of a log file.
	 */
	static String tail(Path logFile, int lines) {
		try {
			List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
			return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | RuntimeException ex) {
			return "(no log at " + logFile + ")";
		}
	}

}
