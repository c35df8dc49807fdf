package dev.cloudshop.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The chaos door: acts on any one process of the running stack (kill, stop, pause,
 * resume, start, restart), lists every process with its pid and state, and reports a
 * process that dies although nobody stopped it. The launcher's Java API and its control
 * endpoint both come through here, so a test does exactly what a user at the command line
 * does.
 */
final class ProcessControl {

	private final Map<String, Entry> entries = new LinkedHashMap<>();

	private final Duration readyTimeout;

	private final String command;

	private final Consumer<String> out;

	private final Runnable pidsChanged;

	private volatile Thread watcher;

	/**
	 * @param processes every process of the stack, in start order
	 * @param readyTimeout how long a started process may take to serve
	 * @param command the command line of the chaos door, for the hints it prints
	 * @param out where reports go
	 * @param pidsChanged told whenever a process got a new pid
	 */
	ProcessControl(List<? extends StackProcess> processes, Duration readyTimeout, String command, Consumer<String> out,
			Runnable pidsChanged) {
		processes.forEach((process) -> this.entries.put(process.name(), new Entry(process)));
		this.readyTimeout = readyTimeout;
		this.command = command;
		this.out = out;
		this.pidsChanged = pidsChanged;
	}

	/**
	 * Acts on one process and waits until the action is done: a started process serves, a
	 * stopped or killed one is gone.
	 * @param action what to do
	 * @param target the process's name as {@link #processes} lists it
	 * @return what happened, in one line
	 * @throws IllegalArgumentException for a target that is not a process of the stack
	 * @throws Refused when the process is not in a state for the action
	 * @throws IllegalStateException when the action failed, such as a start that did not
	 * become ready
	 */
	String apply(ChaosAction action, String target) {
		Entry entry = entryFor(target);
		String message;
		synchronized (entry) {
			message = switch (action) {
				case KILL -> kill(entry);
				case STOP -> stop(entry);
				case PAUSE -> pause(entry);
				case RESUME -> resume(entry);
				case START -> start(entry);
				case RESTART -> restart(entry);
			};
		}
		this.out.accept("chaos: " + message);
		return message;
	}

	private String kill(Entry entry) {
		StackProcess process = requireAlive(entry, ChaosAction.KILL);
		String pid = pidOf(process);
		note(entry, "killed (SIGKILL) through the chaos door");
		entry.intent = ProcessState.KILLED;
		process.kill();
		return process.name() + " killed (SIGKILL, " + pid + "); " + hint(ChaosAction.START, process)
				+ " brings it back";
	}

	private String stop(Entry entry) {
		StackProcess process = requireAlive(entry, ChaosAction.STOP);
		String pid = pidOf(process);
		note(entry, "stopped through the chaos door");
		if (entry.intent == ProcessState.PAUSED) {
			// A frozen process cannot act on SIGTERM.
			process.resume();
		}
		entry.intent = ProcessState.STOPPED;
		process.stop();
		return process.name() + " stopped (" + pid + "); " + hint(ChaosAction.START, process) + " brings it back";
	}

	private String pause(Entry entry) {
		StackProcess process = requireAlive(entry, ChaosAction.PAUSE);
		if (entry.intent == ProcessState.PAUSED) {
			throw new Refused(
					process.name() + " is paused already; " + hint(ChaosAction.RESUME, process) + " lets it go on");
		}
		note(entry, "paused (SIGSTOP) through the chaos door");
		process.pause();
		entry.intent = ProcessState.PAUSED;
		return process.name() + " paused (SIGSTOP, " + pidOf(process) + "); " + hint(ChaosAction.RESUME, process)
				+ " lets it go on";
	}

	private String resume(Entry entry) {
		StackProcess process = entry.process;
		if (entry.intent != ProcessState.PAUSED || !process.isAlive()) {
			throw new Refused(process.name() + " is not paused (it is " + entry.state() + ")");
		}
		process.resume();
		entry.intent = ProcessState.RUNNING;
		note(entry, "resumed (SIGCONT) through the chaos door");
		return process.name() + " resumed (SIGCONT, " + pidOf(process) + ")";
	}

	private String start(Entry entry) {
		StackProcess process = entry.process;
		if (process.isAlive()) {
			throw new Refused(process.name() + " is running already (" + pidOf(process) + ")");
		}
		String ready = startAndAwaitReady(entry);
		return process.name() + " started (" + pidOf(process) + "), " + ready;
	}

	private String restart(Entry entry) {
		StackProcess process = entry.process;
		String killed = "it was not running";
		if (process.isAlive()) {
			killed = "killed (SIGKILL, " + pidOf(process) + ")";
			note(entry, "killed (SIGKILL) through the chaos door, to restart it");
			entry.intent = ProcessState.KILLED;
			process.kill();
		}
		String ready = startAndAwaitReady(entry);
		return process.name() + " restarted: " + killed + ", started again (" + pidOf(process) + "), " + ready;
	}

	private String startAndAwaitReady(Entry entry) {
		StackProcess process = entry.process;
		long start = System.nanoTime();
		try {
			process.start();
		}
		finally {
			this.pidsChanged.run();
		}
		// Only now: the watcher must not take the old process's end for a new death.
		entry.deathReported = false;
		entry.intent = ProcessState.RUNNING;
		long deadline = start + this.readyTimeout.toNanos();
		while (!process.isReady()) {
			if (!process.isAlive()) {
				entry.deathReported = true;
				throw Readiness.endedWhileStarting(process);
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(process.name() + " is not ready after " + this.readyTimeout.toSeconds()
						+ " s; see " + process.logFile());
			}
			sleep(250);
		}
		return String.format("ready in %.1f s", (System.nanoTime() - start) / 1e9);
	}

	private StackProcess requireAlive(Entry entry, ChaosAction action) {
		if (!entry.process.isAlive()) {
			throw new Refused(entry.process.name() + " is not running (it is " + entry.state() + "), so there is"
					+ " nothing to " + action.command() + "; " + hint(ChaosAction.START, entry.process) + " starts it");
		}
		return entry.process;
	}

	/**
	 * Every process of the stack, in start order.
	 * @return one status per process
	 */
	List<ProcessStatus> processes() {
		List<ProcessStatus> statuses = new ArrayList<>();
		for (Entry entry : this.entries.values()) {
			List<Long> pids = entry.process.isAlive() ? entry.process.pids() : List.of();
			statuses.add(new ProcessStatus(entry.process.name(),
					pids.isEmpty() ? OptionalLong.empty() : OptionalLong.of(pids.get(0)), entry.state(),
					entry.process.address()));
		}
		return statuses;
	}

	/**
	 * The processes that died since the last call although nobody stopped them, each
	 * reported once per death.
	 * @return one line per death, saying how to bring the process back
	 */
	List<String> newDeaths() {
		List<String> deaths = new ArrayList<>();
		for (Entry entry : this.entries.values()) {
			if (entry.state() == ProcessState.DIED && !entry.deathReported) {
				entry.deathReported = true;
				StackProcess process = entry.process;
				deaths.add(process.name() + " died (" + process.exitStatus() + "); " + hint(ChaosAction.START, process)
						+ " brings it back. Its log: " + process.logFile());
			}
		}
		return deaths;
	}

	/**
	 * Reports every unexpected death from now on, checking every second.
	 */
	void startWatching() {
		Thread thread = new Thread(() -> {
			while (this.watcher == Thread.currentThread()) {
				List<String> deaths = newDeaths();
				if (this.watcher == Thread.currentThread()) {
					deaths.forEach(this.out);
				}
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "local-stack-watch");
		thread.setDaemon(true);
		this.watcher = thread;
		thread.start();
	}

	/**
	 * Stops reporting deaths: the stack is being stopped.
	 */
	void stopWatching() {
		Thread thread = this.watcher;
		this.watcher = null;
		if (thread != null) {
			thread.interrupt();
		}
	}

	/**
	 * Lets every paused process go on, so that it can act on a stop.
	 */
	void resumeAll() {
		for (Entry entry : this.entries.values()) {
			synchronized (entry) {
				if (entry.intent == ProcessState.PAUSED && entry.process.isAlive()) {
					entry.process.resume();
				}
				entry.intent = ProcessState.RUNNING;
			}
		}
	}

	private Entry entryFor(String target) {
		Entry entry = this.entries.get(target);
		if (entry == null && target != null && target.endsWith("#1")) {
			// The first instance has no number, but #1 is a natural way to ask for it.
			entry = this.entries.get(target.substring(0, target.length() - 2));
		}
		if (entry == null) {
			throw new IllegalArgumentException(
					"No process of the stack is named '" + target + "'; the processes are " + this.entries.keySet());
		}
		return entry;
	}

	private String hint(ChaosAction action, StackProcess process) {
		return this.command + " " + action.command() + " " + process.name();
	}

	private static String pidOf(StackProcess process) {
		List<Long> pids = process.pids();
		return pids.isEmpty() ? "no pid" : "pid " + pids.get(0);
	}

	private static void note(Entry entry, String what) {
		ManagedProcess.note(entry.process.logFile(), entry.process.name() + " " + what);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/**
	 * The process is not in a state for the action, such as resuming one that is not
	 * paused.
	 */
	static final class Refused extends IllegalStateException {

		Refused(String message) {
			super(message);
		}

	}

	private static final class Entry {

		private final StackProcess process;

		/** What was last asked of the process: RUNNING, PAUSED, STOPPED or KILLED. */
		private volatile ProcessState intent = ProcessState.RUNNING;

		private volatile boolean deathReported;

		private Entry(StackProcess process) {
			this.process = process;
		}

		private ProcessState state() {
			if (this.process.isAlive()) {
				return (this.intent == ProcessState.PAUSED) ? ProcessState.PAUSED : ProcessState.RUNNING;
			}
			return (this.intent == ProcessState.STOPPED || this.intent == ProcessState.KILLED) ? this.intent
					: ProcessState.DIED;
		}

	}

}
