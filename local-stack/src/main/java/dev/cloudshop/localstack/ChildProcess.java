package dev.cloudshop.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A process of the stack that the launcher runs as its own child, such as a JVM: what
 * every one of them does the same way, so that each kind only says how it is started and
 * when it serves.
 */
abstract class ChildProcess implements StackProcess {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final Path logFile;

	private final long graceSeconds;

	private volatile ManagedProcess process;

	/**
	 * @param logFile where its output goes
	 * @param graceSeconds how long a stop may take before the process is killed
	 */
	ChildProcess(Path logFile, long graceSeconds) {
		this.logFile = logFile;
		this.graceSeconds = graceSeconds;
	}

	/**
	 * Starts the process, its output appended to its log.
	 */
	final void launch(List<String> command, Map<String, String> environment, Path workingDir) {
		this.process = ManagedProcess.start(name(), command, environment, workingDir, this.logFile);
	}

	@Override
	public final boolean isAlive() {
		ManagedProcess current = this.process;
		return current != null && current.isAlive();
	}

	@Override
	public final List<Long> pids() {
		ManagedProcess current = this.process;
		return (current != null && current.isAlive()) ? List.of(current.pid()) : List.of();
	}

	@Override
	public final void stop() {
		ManagedProcess current = this.process;
		if (current != null) {
			current.stop(this.graceSeconds);
		}
	}

	@Override
	public final void kill() {
		ManagedProcess current = this.process;
		if (current != null) {
			current.kill();
		}
	}

	@Override
	public final String exitStatus() {
		ManagedProcess current = this.process;
		return (current != null) ? current.exitStatus() : "never started";
	}

	@Override
	public final Path logFile() {
		return this.logFile;
	}

	/**
	 * Whether the process runs and answers a GET of its health URL with 200 within 2 s.
	 * @param healthUrl the URL to ask
	 * @return whether it serves
	 */
	final boolean answersOk(String healthUrl) {
		if (!isAlive()) {
			return false;
		}
		try {
			return http
				.send(HttpRequest.newBuilder(URI.create(healthUrl)).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (Exception ex) {
			return false;
		}
	}

}
