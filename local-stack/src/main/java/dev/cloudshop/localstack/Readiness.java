package dev.cloudshop.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Waits during a start until the stack serves: first until every process is ready, then
 * until the gateway routes to every service. It reports each one as it becomes ready and,
 * every ten seconds, what it still waits for, all timed from the start of the stack. A
 * process that ends meanwhile, or a wait past its time, fails the start with what to look
 * at.
 */
final class Readiness {

	private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

	private final long start = System.nanoTime();

	private final Duration readyTimeout;

	private final Duration routeWindow;

	private final Path logDir;

	private final Consumer<String> out;

	/**
	 * Starts the clock.
	 * @param readyTimeout how long the processes together may take to become ready
	 * @param routeWindow the least time the gateway gets to route to every service once
	 * the processes are ready
	 * @param logDir where the logs of the processes are, for the message of a wait that
	 * gives up
	 * @param out where progress goes
	 */
	Readiness(Duration readyTimeout, Duration routeWindow, Path logDir, Consumer<String> out) {
		this.readyTimeout = readyTimeout;
		this.routeWindow = routeWindow;
		this.logDir = logDir;
		this.out = out;
	}

	/**
	 * @return the time since the start
	 */
	Duration elapsed() {
		return Duration.ofNanos(System.nanoTime() - this.start);
	}

	/**
	 * @return the seconds since the start
	 */
	double seconds() {
		return (System.nanoTime() - this.start) / 1e9;
	}

	/**
	 * Reports one part as ready, with the time since the start.
	 */
	void ready(String name, String address) {
		this.out.accept(String.format("  %-22s ready  %5.1f s  %s", name, seconds(), address));
	}

	/**
	 * Waits until every process is ready, within what is left of the ready timeout.
	 * @param processes the processes, all started
	 * @throws IllegalStateException naming a process that ended (with the end of its
	 * log), or every one not ready in time
	 */
	void awaitProcesses(List<? extends StackProcess> processes) {
		long deadline = this.start + this.readyTimeout.toNanos();
		Set<StackProcess> waiting = new LinkedHashSet<>(processes);
		long lastReport = System.nanoTime();
		while (!waiting.isEmpty()) {
			for (StackProcess process : List.copyOf(waiting)) {
				failIfDead(process);
				if (process.isReady()) {
					waiting.remove(process);
					ready(process.name(), process.address());
				}
			}
			List<String> names = waiting.stream().map(StackProcess::name).toList();
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Not ready after " + this.readyTimeout.toSeconds() + " s: " + names
						+ ". Their logs are in " + this.logDir);
			}
			if (!waiting.isEmpty() && System.nanoTime() - lastReport > REPORT_EVERY.toNanos()) {
				this.out.accept(String.format("  ... %5.1f s, waiting for %s", seconds(), String.join(", ", names)));
				lastReport = System.nanoTime();
			}
			sleep(250);
		}
	}

	/**
	 * Waits until the gateway reaches every service through Eureka: a service is only of
	 * use once all its instances are registered and the gateway has fetched the registry.
	 * The gateway is only asked once Eureka lists the service, so that the probes do not
	 * open its circuit breaker. Registration and registry fetches run on their own timers
	 * (seconds to a minute) once the processes are ready, so this wait gets its own
	 * window on top of whatever the start left of the ready timeout.
	 * @param routes the probes
	 * @param instances how many instances of each business service run, in start order; 0
	 * for one left out
	 * @throws IllegalStateException naming the first service not reached in time and what
	 * the probes saw
	 */
	void awaitRoutes(GatewayRoutes routes, Map<SuiteService, Integer> instances) {
		long deadline = Math.max(this.start + this.readyTimeout.toNanos(),
				System.nanoTime() + this.routeWindow.toNanos());
		long lastReport = System.nanoTime();
		for (Map.Entry<SuiteService, Integer> entry : instances.entrySet()) {
			SuiteService service = entry.getKey();
			int expected = entry.getValue();
			if (expected == 0) {
				this.out.accept(
						String.format("  %-22s left out: start it yourself, it registers with Eureka", service.name()));
				continue;
			}
			while (routes.registeredInstances(service) < expected || !routes.routes(service)) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(
							"The gateway does not reach " + service.name() + " " + Math.round(seconds())
									+ " s after the start (" + routes.registeredInstances(service) + " of " + expected
									+ " instances registered in Eureka, the last probe through the gateway: "
									+ routes.lastProbe() + "); see " + this.logDir);
				}
				if (System.nanoTime() - lastReport > REPORT_EVERY.toNanos()) {
					this.out.accept(String.format("  ... %5.1f s, waiting for the gateway to route to %s", seconds(),
							service.name()));
					lastReport = System.nanoTime();
				}
				sleep(1000);
			}
		}
		this.out.accept(String.format("  %-22s routes to every service  %5.1f s", "gateway", seconds()));
	}

	private static void failIfDead(StackProcess process) {
		if (!process.isAlive()) {
			throw endedWhileStarting(process);
		}
	}

	/**
	 * The failure of a start whose process ended before it was ready: how it ended and
	 * the end of its log, which usually says why.
	 */
	static IllegalStateException endedWhileStarting(StackProcess process) {
		return new IllegalStateException(
				process.name() + " ended (" + process.exitStatus() + ") while starting. The end of " + process.logFile()
						+ ":" + System.lineSeparator() + ManagedProcess.tail(process.logFile(), 30));
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while starting", ex);
		}
	}

}
