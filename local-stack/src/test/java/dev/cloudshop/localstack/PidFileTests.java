package dev.cloudshop.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PidFileTests {

	@TempDir
	Path temp;

	final List<Process> started = new ArrayList<>();

	@AfterEach
	void stop() {
		this.started.forEach(Process::destroyForcibly);
	}

	@Test
	void recordsThePidsOfTheStackInItsWorkDirectory() throws IOException {
		PidFile pidFile = new PidFile(workDir(), projectDir());

		pidFile.write(List.of(4242L, 4243L));
		assertThat(workDir().resolve("pids")).hasContent("4242\n4243");

		pidFile.write(List.of(4244L));
		assertThat(workDir().resolve("pids")).hasContent("4244");

		pidFile.delete();
		assertThat(workDir().resolve("pids")).doesNotExist();
	}

	@Test
	void stopsTheProcessesAnEarlierRunLeftBehind() throws IOException {
		Process leftover = startFrom(workDir());
		Process fromTheCheckout = startFrom(projectDir());
		PidFile pidFile = new PidFile(workDir(), projectDir());
		pidFile.write(List.of(leftover.pid(), fromTheCheckout.pid()));

		int stopped = pidFile.stopLeftovers();

		assertThat(stopped).isEqualTo(2);
		assertThat(leftover.isAlive()).isFalse();
		assertThat(fromTheCheckout.isAlive()).isFalse();
		assertThat(workDir().resolve("pids")).doesNotExist();
	}

	@Test
	void stopsALeftoverThatAChaosExperimentLeftPaused() throws IOException {
		Process paused = startFrom(workDir());
		Signals.send(Signals.STOP, List.of(paused.pid()));
		PidFile pidFile = new PidFile(workDir(), projectDir());
		pidFile.write(List.of(paused.pid()));
		long start = System.nanoTime();

		assertThat(pidFile.stopLeftovers()).isOne();

		assertThat(paused.isAlive()).isFalse();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("resumed, so it acted on SIGTERM at once")
			.isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void leavesAloneWhatNowHasAPidOfTheFileButRunsFromElsewhere() throws IOException {
		Process stranger = start(List.of("sleep", "30"));
		PidFile pidFile = new PidFile(workDir(), projectDir());
		Files.createDirectories(workDir());
		Files.write(workDir().resolve("pids"),
				List.of(String.valueOf(stranger.pid()), String.valueOf(Integer.MAX_VALUE), "not a pid", ""));

		int stopped = pidFile.stopLeftovers();

		assertThat(stopped).isZero();
		assertThat(stranger.isAlive()).isTrue();
		assertThat(workDir().resolve("pids")).doesNotExist();
	}

	@Test
	void findsNothingToStopWithoutAFile() {
		assertThat(new PidFile(workDir(), projectDir()).stopLeftovers()).isZero();
	}

	private Path workDir() {
		return this.temp.resolve("work");
	}

	private Path projectDir() {
		return this.temp.resolve("checkout");
	}

	/**
	 * A process whose command line names the directory, as the stack's processes name
	 * their data or jar; it ends on SIGTERM.
	 */
	private Process startFrom(Path dir) throws IOException {
		Files.createDirectories(dir);
		return start(List.of("sh", "-c", "trap 'exit 0' TERM; while :; do sleep 0.1; done",
				dir.toAbsolutePath().resolve("leftover").toString()));
	}

	private Process start(List<String> command) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		this.started.add(process);
		return process;
	}

}
