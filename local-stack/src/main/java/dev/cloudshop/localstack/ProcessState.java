package dev.cloudshop.localstack;

import java.util.Locale;

/**
 * Where one process of the stack stands.
 */
public enum ProcessState {

	/** Started and alive. */
	RUNNING,

	/** Held with SIGSTOP. */
	PAUSED,

	/** Stopped on request. */
	STOPPED,

	/** Killed on request. */
	KILLED,

	/** Gone although nobody stopped it. */
	DIED;

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
