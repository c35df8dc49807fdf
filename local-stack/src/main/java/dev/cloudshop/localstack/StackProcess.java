package dev.cloudshop.localstack;

import java.nio.file.Path;
import java.util.List;

/**
 * One process of the running stack as the chaos door sees it: started again with the
 * arguments of its first start and on the data it has, stopped, killed, paused and
 * resumed.
 */
interface StackProcess {

	/**
	 * The name users and tests address it by: {@code kafka}, {@code postgres},
	 * {@code inventory-service#2}.
	 */
	String name();

	/**
	 * Where it listens, for the process list and the start-up progress.
	 */
	String address();

	/**
	 * Its process and, for a server made of several, every process it forked; empty when
	 * it does not run.
	 */
	List<Long> pids();

	boolean isAlive();

	/**
	 * Whether it serves; only asked while it is alive.
	 */
	boolean isReady();

	/**
	 * Starts it with the arguments of its first start, on the data it kept. Returns once
	 * it is started; {@link #isReady} tells when it serves.
	 */
	void start();

	/**
	 * Asks it to stop the way an operator would (SIGTERM, or the server's own shutdown)
	 * and waits; a process that takes too long is killed.
	 */
	void stop();

	/**
	 * Kills it with SIGKILL, as a crash would, and waits until it is gone.
	 */
	void kill();

	/**
	 * Holds it with SIGSTOP: it keeps its sockets and memory but does nothing.
	 */
	default void pause() {
		Signals.send(Signals.STOP, pids());
	}

	/**
	 * Lets a paused process go on with SIGCONT.
	 */
	default void resume() {
		Signals.send(Signals.CONT, pids());
	}

	/**
	 * How it ended, such as {@code exit 137}, once it is no longer alive.
	 */
	String exitStatus();

	Path logFile();

}
