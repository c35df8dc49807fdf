package dev.cloudshop.localstack;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the chaos door can do to one process of the stack.
 */
public enum ChaosAction {

	/** SIGKILL ({@code kill -9}), as a crash: no shutdown, no deregistration. */
	KILL("kill -9 (SIGKILL), as a crash"),

	/** A graceful stop: SIGTERM, or the server's own shutdown. */
	STOP("graceful stop"),

	/** SIGSTOP: the process holds its sockets and memory but does nothing. */
	PAUSE("SIGSTOP: frozen, connections stay open"),

	/** SIGCONT for a paused process. */
	RESUME("SIGCONT: a paused process goes on"),

	/** Starts a stopped or killed process again with the same arguments, on its data. */
	START("start again with the same arguments, on its data"),

	/** {@code kill -9}, then start again with the same arguments, on its data. */
	RESTART("kill -9, then start again on its data");

	private final String description;

	ChaosAction(String description) {
		this.description = description;
	}

	/**
	 * What the action does, in a few words.
	 * @return the description
	 */
	public String description() {
		return this.description;
	}

	/**
	 * The action as the command line writes it.
	 * @return the lower-case name
	 */
	public String command() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Reads an action as the command line writes it.
	 * @param command {@code kill}, {@code stop}, {@code pause}, {@code resume},
	 * {@code start} or {@code restart}
	 * @return the action
	 * @throws IllegalArgumentException naming the actions for anything else
	 */
	public static ChaosAction parse(String command) {
		return Arrays.stream(values())
			.filter((action) -> action.command().equals(command))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown action '" + command + "'; the actions are "
					+ Arrays.stream(values()).map(ChaosAction::command).collect(Collectors.joining(", "))));
	}

}
