package dev.cloudshop.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The memory processes hold, as proportional set size: each shared page is split between
 * the processes that share it, so the sum over many JVMs is what they take from the
 * machine together. Linux tells it in {@code /proc/<pid>/smaps_rollup}.
 */
final class ProcessMemory {

	private ProcessMemory() {
	}

	/**
	 * @param pids the processes
	 * @return bytes; a process that ended or cannot be read counts as 0, and so does
	 * every one where there is no {@code /proc}
	 */
	static long proportionalSetSize(List<Long> pids) {
		return pids.stream()
			.mapToLong((pid) -> proportionalSetSize(Path.of("/proc", String.valueOf(pid), "smaps_rollup")))
			.sum();
	}

	/**
	 * Reads the {@code Pss:} line of one process's {@code smaps_rollup}, which is in kB.
	 * @param smapsRollup the file
	 * @return bytes, or 0 when the file is not there or has no such line
	 */
	static long proportionalSetSize(Path smapsRollup) {
		try (Stream<String> lines = Files.lines(smapsRollup)) {
			return lines.filter((line) -> line.startsWith("Pss:"))
				.mapToLong((line) -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
				.sum();
		}
		catch (IOException | UncheckedIOException | NumberFormatException ex) {
			return 0;
		}
	}

}
